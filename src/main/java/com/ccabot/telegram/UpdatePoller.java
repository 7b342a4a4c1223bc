package com.ccabot.telegram;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling that confirms an update to Telegram only once it is safe: each new update is kept in the
 * {@link Inbox} first (the journal, or the queue replicas share), and only the next {@code getUpdates} moves the
 * offset past it, so an update taken but not yet answered when the process dies is answered by the next start (or
 * another replica), or delivered again by Telegram, which keeps unconfirmed updates for 24 hours. Updates Telegram
 * delivers again that the inbox knows are skipped. With replicas only the holder of the polling lease polls, never
 * two at once (Telegram would answer 409 Conflict). The library's own long-polling session confirms a batch as soon
 * as it is handed over, which is why this loop is ours.
 */
final class UpdatePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private static final int BATCH = 100;
    private static final Duration JOIN = Duration.ofSeconds(5);
    /** How often a replica without the polling lease asks for it. */
    private static final Duration LEASE_RETRY = Duration.ofSeconds(1);

    private final OkHttpTelegramClient client;
    private final OkHttpClient http;
    private final Inbox inbox;
    private final List<String> types;
    private final int timeoutSeconds;
    private final RetryBackOff backOff = new RetryBackOff();
    private final BotApiReachability reachability;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param http the client {@code client} runs on, whose read timeout must outlast {@code timeoutSeconds}; its
     *             calls are cancelled on {@link #close()}
     */
    UpdatePoller(OkHttpTelegramClient client, OkHttpClient http, Inbox inbox, List<String> types,
                 int timeoutSeconds, BotApiReachability reachability) {
        this.reachability = reachability;
        this.client = client;
        this.http = http;
        this.inbox = inbox;
        this.types = List.copyOf(types);
        this.timeoutSeconds = timeoutSeconds;
        this.thread = new Thread(this::poll, "telegram-polling");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void poll() {
        while (running) {
            List<Update> updates;
            try {
                if (!inbox.mayPoll()) {
                    sleep(LEASE_RETRY.toMillis());
                    continue;
                }
                updates = client.execute(GetUpdates.builder().offset(inbox.nextOffset()).limit(BATCH)
                        .timeout(timeoutSeconds).allowedUpdates(types).build());
            } catch (TelegramApiException e) {
                if (running) {
                    unreachable(e);
                }
                continue;
            } catch (UncheckedIOException e) {
                log.debug("polling waits for the inbox: {}", e.getMessage());
                sleep(LEASE_RETRY.toMillis());
                continue;
            }
            reachable();
            for (Update update : updates) {
                if (!running) {
                    return; // not taken, never confirmed: Telegram delivers it to the next start
                }
                try {
                    inbox.keep(update);
                } catch (UncheckedIOException e) {
                    // not kept, so not confirmed either: Telegram keeps it, and it is fetched again
                    log.error("cannot keep update {}: {}; fetching it again shortly", update.getUpdateId(), e.getMessage());
                    pause();
                    break;
                }
            }
        }
    }

    private void unreachable(TelegramApiException e) {
        reachability.failed(BotApiReachability.Caller.POLLING, e);
        pause();
    }

    private void pause() {
        sleep(backOff.nextBackOffMillis());
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void reachable() {
        backOff.reset();
        reachability.answered(BotApiReachability.Caller.POLLING);
    }

    /** Stops fetching: the poll in flight is cancelled, and nothing it brings is taken. */
    @Override
    public void close() {
        running = false;
        http.dispatcher().cancelAll();
        thread.interrupt();
        try {
            thread.join(JOIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
