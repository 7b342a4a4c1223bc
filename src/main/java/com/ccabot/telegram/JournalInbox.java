package com.ccabot.telegram;

import java.time.Duration;
import java.util.function.BiConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The inbox of a bot running alone: its {@link UpdateJournal} on disk, each kept update handed over at once. */
final class JournalInbox implements Inbox {

    private final UpdateJournal journal;
    private volatile BiConsumer<Update, Runnable> handler;

    JournalInbox(UpdateJournal journal) {
        this.journal = journal;
    }

    @Override
    public boolean keep(Update update) {
        int id = update.getUpdateId();
        synchronized (this) { // Telegram may post the same update again while the first is being taken
            if (journal.knows(id)) {
                return false;
            }
            journal.take(update);
        }
        handler.accept(update, () -> journal.done(id));
        return true;
    }

    @Override
    public void deliverTo(BiConsumer<Update, Runnable> handler) {
        this.handler = handler;
        for (Update update : journal.pending()) { // what the last run took and did not answer
            handler.accept(update, () -> journal.done(update.getUpdateId()));
        }
    }

    @Override
    public int nextOffset() {
        return journal.nextOffset();
    }

    @Override
    public boolean mayPoll() {
        return true;
    }

    @Override
    public Duration pollFor() {
        return Duration.ofDays(1);
    }

    @Override
    public void stop() {
        // every update is handed over as it is kept: nothing to stop
    }

    @Override
    public int backlog() {
        return journal.pendingCount();
    }

    @Override
    public void close() {
        journal.close();
    }
}
