package com.ccabot.telegram;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling that confirms an update to Telegram only once it is safe: each new update is written to the
 * {@link UpdateJournal} first, and only the next {@code getUpdates} moves the offset past it, so an update taken
 * but not yet answered when the process dies is answered by the next start (from the journal, or delivered again by
 * Telegram, which keeps unconfirmed updates for 24 hours). Updates Telegram delivers again that the journal knows
 * are skipped. The library's own long-polling session confirms a batch as soon as it is handed over, which is why
 * this loop is ours.
 */
final class UpdatePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private static final int BATCH = 100;
    private static final Duration JOIN = Duration.ofSeconds(5);

    private final OkHttpTelegramClient client;
    private final OkHttpClient http;
    private final UpdateJournal journal;
    private final List<String> types;
    private final int timeoutSeconds;
    private final BiConsumer<Update, Runnable> handler;
    private final RetryBackOff backOff = new RetryBackOff();
    private final BotApiReachability reachability;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param http    the client {@code client} runs on, whose read timeout must outlast {@code timeoutSeconds}; its
     *                calls are cancelled on {@link #close()}
     * @param handler handles an update and runs its second argument once the update is handled
     */
    UpdatePoller(OkHttpTelegramClient client, OkHttpClient http, UpdateJournal journal, List<String> types,
                 int timeoutSeconds, BotApiReachability reachability, BiConsumer<Update, Runnable> handler) {
        this.reachability = reachability;
        this.client = client;
        this.http = http;
        this.journal = journal;
        this.types = List.copyOf(types);
        this.timeoutSeconds = timeoutSeconds;
        this.handler = handler;
        this.thread = new Thread(this::poll, "telegram-polling");
        this.thread.setDaemon(true);
    }

    /** Hands over what the journal holds from before, then polls. */
    void start() {
        for (Update update : journal.pending()) {
            handler.accept(update, () -> journal.done(update.getUpdateId()));
        }
        thread.start();
    }

    private void poll() {
        int offset = journal.nextOffset();
        while (running) {
            List<Update> updates;
            try {
                updates = client.execute(GetUpdates.builder().offset(offset).limit(BATCH).timeout(timeoutSeconds)
                        .allowedUpdates(types).build());
            } catch (TelegramApiException e) {
                if (running) {
                    unreachable(e);
                }
                continue;
            }
            reachable();
            for (Update update : updates) {
                if (!running) {
                    return; // not taken, never confirmed: Telegram delivers it to the next start
                }
                int id = update.getUpdateId();
                if (!journal.knows(id)) {
                    try {
                        journal.take(update);
                    } catch (UncheckedIOException e) {
                        // not journaled, so not confirmed either: Telegram keeps it, and it is fetched again
                        log.error("cannot journal update {}: {}; fetching it again shortly", id, e.getMessage());
                        pause();
                        break;
                    }
                    handler.accept(update, () -> journal.done(id));
                }
                offset = Math.max(offset, id + 1);
            }
        }
    }

    private void unreachable(TelegramApiException e) {
        reachability.failed(BotApiReachability.Caller.POLLING, e);
        pause();
    }

    private void pause() {
        try {
            Thread.sleep(backOff.nextBackOffMillis());
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
