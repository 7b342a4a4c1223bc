package com.ccabot.telegram;

import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where the updates taken from Telegram wait until they are answered: the journal of this process, or a queue in
 * Redis that several replicas share. An update is kept here before Telegram is told it arrived, and handed to the
 * bot from here, in order within each chat, with a callback to run once it is answered.
 */
public interface Inbox extends AutoCloseable {

    /**
     * Keeps an update; false when it was kept before (Telegram delivering it again), so it is not answered twice.
     *
     * @throws UncheckedIOException when it cannot be kept now: Telegram must not be told it arrived
     */
    boolean keep(Update update);

    /** Starts handing the updates kept, those from before this start first, to {@code handler}. */
    void deliverTo(BiConsumer<Update, Runnable> handler);

    /** The offset the next {@code getUpdates} asks from: past every update kept. */
    int nextOffset();

    /**
     * Whether this process may poll Telegram now: always alone; with replicas, only the one holding the polling
     * lease, renewed by this call, for as long as {@link #pollFor} allows.
     */
    boolean mayPoll();

    /** How long one poll may last, including waiting for its answer, so that it ends while its lease holds. */
    java.time.Duration pollFor();

    /** Stops handing updates over: those not handed over yet stay kept, for the next start or another replica. */
    void stop();

    /** The updates kept and not yet answered. */
    int backlog();

    @Override
    void close();
}
