package com.ccabot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
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
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);

    private final TelegramClient client;
    /**
     * Thirty sends in any second, not only on average: a bucket allows its capacity at once plus what refills
     * meanwhile, so a burst of 5 and a refill of 25 a second never make more than 30 in a second.
     */
    private final Bucket overall = Bucket.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(25, Duration.ofSeconds(1)))
            .build();
    private final Cache<Long, Bucket> chats = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public SendQueue(TelegramClient client) {
        this.client = client;
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
     * Calls a Bot API method, paced for a chat (or only overall when {@code chatId} is null), retrying 429s,
     * server errors and network failures; other errors are thrown at once.
     */
    public <T extends Serializable> T call(BotApiMethod<T> method, Long chatId) throws TelegramApiException, InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            if (chatId != null) {
                chats.get(chatId, SendQueue::chatBucket).asBlocking().consume(1);
            }
            overall.asBlocking().consume(1);
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (attempt == MAX_ATTEMPTS || code != 429 && code < 500 && code != 0) {
                    throw e;
                }
                Duration pause = code == 429 ? retryAfter(e) : backoff;
                log.info("{} got {}; trying again in {} ms", method.getMethod(), code == 0 ? "no answer" : code, pause.toMillis());
                Thread.sleep(pause.toMillis());
            } catch (TelegramApiException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("{} failed ({}); trying again in {} ms", method.getMethod(), e.getMessage(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    /**
     * Calls a method once, at once, if the chat's pace allows, for an update that may as well be skipped (a
     * growing draft or edit): a 429 or any failure just means this update is not shown.
     */
    public <T extends Serializable> java.util.Optional<T> tryCall(BotApiMethod<T> method, long chatId) {
        if (!chats.get(chatId, SendQueue::chatBucket).tryConsume(1) || !overall.tryConsume(1)) {
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

    /**
     * Private chats: one message a second; groups and channels also at most twenty in any minute: a burst of ten
     * and ten more refilled over the minute (a full bucket of twenty refilling twenty a minute allowed forty in
     * the first minute).
     */
    private static Bucket chatBucket(long chatId) {
        var builder = Bucket.builder().addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofSeconds(1)));
        if (chatId < 0) {
            builder.addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofMinutes(1)));
        }
        return builder.build();
    }

    /** A reply that could not be delivered after the retries Telegram allows. */
    public static final class UndeliveredException extends RuntimeException {
        UndeliveredException(ReplyTarget target, TelegramApiException cause) {
            super("could not deliver a reply to chat " + target.chatId() + ": " + cause.getMessage(), cause);
        }
    }
}
