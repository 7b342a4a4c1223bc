package com.ccabot.telegram;

import com.ccabot.chat.Buckets;
import com.ccabot.chat.Rate;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends the bot's messages within Telegram's limits — one message a second per chat, twenty in any minute per
 * group, thirty in any second in all — and retries what Telegram or the network asks to retry: a 429 after its
 * {@code retry_after}, a 5xx or a lost connection after a growing pause. A reply Telegram cannot parse as HTML is
 * sent again as plain text. Callers send from the chat's own lane, so waiting here keeps a chat's replies in order
 * without holding up other chats.
 */
public final class SendQueue {

    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);
    private static final String OVERALL_BUCKET = "overall";
    /** How long a reply waits for the Bot API when no limit is given. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    private final TelegramClient client;
    private final BotApiReachability reachability;
    private final Duration maxAge;
    private final TelegramMeters meters;
    /** When the last 429 came, and for which chat: a second chat's 429 meanwhile means the whole bot is limited. */
    private long lastFloodAt;
    private Long lastFloodChat;
    private long everythingHeldUntil;
    /**
     * Thirty sends in any second, not only on average: a bucket allows its capacity at once plus what refills
     * meanwhile, so a burst of 5 and a refill of 25 a second never make more than 30 in a second.
     */
    private static final List<Rate> OVERALL = List.of(new Rate(5, 25, Duration.ofSeconds(1)));
    /** Private chats: one message a second. */
    private static final List<Rate> PRIVATE_CHAT = List.of(new Rate(1, 1, Duration.ofSeconds(1)));
    /**
     * Groups and channels also at most twenty in any minute: a burst of ten and ten more refilled over the minute (a
     * full bucket of twenty refilling twenty a minute allowed forty in the first minute).
     */
    private static final List<Rate> GROUP_CHAT = List.of(new Rate(1, 1, Duration.ofSeconds(1)),
            new Rate(10, 10, Duration.ofMinutes(1)));
    /** The buckets of this process, or of Redis when replicas share Telegram's limits. */
    private final Buckets buckets;

    /** A queue whose replies wait up to an hour for an unreachable Bot API. */
    public SendQueue(TelegramClient client) {
        this(client, new BotApiReachability(java.net.URI.create("https://api.telegram.org")), DEFAULT_MAX_AGE,
                TelegramMeters.none(), Buckets.local());
    }

    /**
     * @param maxAge how long a reply may wait for the Bot API to answer (an outage, server errors) before it is
     *               given up with a warning
     */
    SendQueue(TelegramClient client, BotApiReachability reachability, Duration maxAge, TelegramMeters meters,
              Buckets buckets) {
        this.client = client;
        this.buckets = buckets;
        this.meters = meters;
        this.reachability = reachability;
        this.maxAge = maxAge;
    }

    /**
     * Sends an HTML reply in its parts, in order, each as a reply to the question in its chat and topic; returns
     * the ids of the messages sent.
     */
    public List<Integer> send(ReplyTarget target, List<String> parts) throws InterruptedException {
        List<Integer> sent = new java.util.ArrayList<>();
        for (String part : parts) {
            SendMessage html = message(target, part).parseMode(ParseMode.HTML).build();
            try {
                sent.add(call(html, target.chatId()).getMessageId());
            } catch (TelegramApiRequestException e) {
                if (!isHtmlRejected(e)) {
                    throw new UndeliveredException(target, e);
                }
                log.warn("Telegram could not parse a reply as HTML ({}); sending it as plain text", e.getApiResponse());
                try {
                    sent.add(call(message(target, TelegramHtml.toPlainText(part)).build(), target.chatId()).getMessageId());
                } catch (TelegramApiException plain) {
                    throw new UndeliveredException(target, plain);
                }
            } catch (TelegramApiException e) {
                throw new UndeliveredException(target, e);
            }
        }
        return sent;
    }

    /**
     * Calls a Bot API method, paced for a chat (or only overall when {@code chatId} is null). A 429 waits its
     * {@code retry_after}; a server error or a network failure waits with a growing pause (up to 30 s) for as
     * long as the Bot API stays away, up to the queue's age limit; other errors are thrown at once.
     */
    public <T extends Serializable> T call(BotApiMethod<T> method, Long chatId) throws TelegramApiException, InterruptedException {
        long start = System.nanoTime();
        RetryBackOff backOff = new RetryBackOff();
        boolean waiting = false;
        try {
            while (true) {
                if (chatId != null) {
                    buckets.take(chatBucket(chatId), chatRates(chatId));
                }
                buckets.take(OVERALL_BUCKET, OVERALL);
                waitWhileEverythingHeld();
                TelegramApiException failure;
                Duration pause = null; // a 429's retry_after; otherwise the growing pause of an outage
                try {
                    T result = client.execute(method);
                    reachability.answered(BotApiReachability.Caller.SENDING);
                    if (method instanceof SendMessage) {
                        meters.replySent();
                    }
                    return result;
                } catch (TelegramApiRequestException e) {
                    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                    if (code != 429 && code < 500 && code != 0) {
                        reachability.answered(BotApiReachability.Caller.SENDING); // it answered, with a refusal: no outage
                        throw e;
                    }
                    failure = e;
                    if (code == 429) {
                        meters.throttled();
                        pause = retryAfter(e);
                        flooded(chatId, pause);
                    }
                } catch (TelegramApiException e) {
                    failure = e;
                }
                Duration backoff = Duration.ofMillis(backOff.nextBackOffMillis()); // grows with every try, 429s too
                if (pause == null) {
                    reachability.failed(BotApiReachability.Caller.SENDING, failure);
                    pause = backoff;
                }
                if (expired(start, pause)) {
                    throw giveUp(method, start, failure);
                }
                if (!waiting) {
                    waiting = true;
                    reachability.replyWaits();
                }
                log.debug("{} waits {} ms before trying again", method.getMethod(), pause.toMillis());
                meters.retried();
                Thread.sleep(pause.toMillis());
            }
        } finally {
            if (waiting) {
                reachability.replyDone();
            }
        }
    }

    /**
     * A 429 holds back its chat (its lane waits out {@code retry_after}); when a second chat gets one while the
     * first one's wait still runs, Telegram is limiting the whole bot, and every send waits it out.
     */
    private synchronized void flooded(Long chatId, Duration retryAfter) {
        long now = System.nanoTime();
        boolean anotherChat = lastFloodChat != null && !lastFloodChat.equals(chatId) && now < lastFloodAt;
        if (anotherChat || chatId == null) {
            if (now >= everythingHeldUntil) {
                log.warn("Telegram limits the whole bot (429 for several chats): every send waits {} s", retryAfter.toSeconds());
            }
            everythingHeldUntil = Math.max(everythingHeldUntil, now + retryAfter.toNanos());
        }
        lastFloodChat = chatId;
        lastFloodAt = Math.max(lastFloodAt, now + retryAfter.toNanos());
    }

    private void waitWhileEverythingHeld() throws InterruptedException {
        long wait;
        synchronized (this) {
            wait = everythingHeldUntil - System.nanoTime();
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private boolean expired(long start, Duration pause) {
        return Duration.ofNanos(System.nanoTime() - start).plus(pause).compareTo(maxAge) > 0;
    }

    private static TelegramApiException giveUp(BotApiMethod<?> method, long start, TelegramApiException cause) {
        log.warn("{} given up after waiting {} s for the Bot API ({})",
                method.getMethod(), Duration.ofNanos(System.nanoTime() - start).toSeconds(), TelegramErrors.describe(cause));
        return cause;
    }

    /** Calls a method once, paced overall, for what may as well be skipped (a typing indicator): never waits. */
    public void once(BotApiMethod<?> method) {
        if (!buckets.tryTake(OVERALL_BUCKET, OVERALL)) {
            return;
        }
        try {
            client.execute(method);
        } catch (TelegramApiException e) {
            log.debug("{} skipped: {}", method.getMethod(), TelegramErrors.describe(e));
        }
    }

    /**
     * Calls a method once, at once, if the chat's pace allows, for an update that may as well be skipped (a
     * growing draft or edit): a 429 or any failure just means this update is not shown.
     */
    public <T extends Serializable> java.util.Optional<T> tryCall(BotApiMethod<T> method, long chatId) {
        if (!buckets.tryTake(chatBucket(chatId), chatRates(chatId)) || !buckets.tryTake(OVERALL_BUCKET, OVERALL)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(client.execute(method));
        } catch (TelegramApiException e) {
            log.debug("{} skipped: {}", method.getMethod(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static SendMessage.SendMessageBuilder<?, ?> message(ReplyTarget target, String text) {
        SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder()
                .chatId(target.chatId())
                .text(text)
                .linkPreviewOptions(org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions.builder()
                        .isDisabled(true).build());
        if (target.threadId() != null) {
            message.messageThreadId(target.threadId());
        }
        if (target.replyTo() != null) {
            // the question may have been deleted meanwhile: the answer still goes out, just not as a reply
            message.replyParameters(ReplyParameters.builder().messageId(target.replyTo()).allowSendingWithoutReply(true).build());
        }
        return message;
    }

    private static Duration retryAfter(TelegramApiRequestException e) {
        Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        Duration pause = Duration.ofSeconds(seconds == null || seconds < 1 ? 1 : seconds);
        return pause.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : pause;
    }

    private static boolean isHtmlRejected(TelegramApiRequestException e) {
        return Integer.valueOf(400).equals(e.getErrorCode())
                && String.valueOf(e.getApiResponse()).toLowerCase(java.util.Locale.ROOT).contains("can't parse entities");
    }

    private static String chatBucket(long chatId) {
        return "chat:" + chatId;
    }

    private static List<Rate> chatRates(long chatId) {
        return chatId < 0 ? GROUP_CHAT : PRIVATE_CHAT;
    }

    /** A reply that could not be delivered after the retries Telegram allows. */
    public static final class UndeliveredException extends RuntimeException {
        UndeliveredException(ReplyTarget target, TelegramApiException cause) {
            super("could not deliver a reply to chat " + target.chatId() + ": " + cause.getMessage(), cause);
        }
    }
}
