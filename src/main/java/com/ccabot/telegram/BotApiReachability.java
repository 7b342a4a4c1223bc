package com.ccabot.telegram;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Bot API answers, as polling and sending find out, so that an outage is told once: one WARN when it
 * stops answering (with the cause and the address, never the token), one INFO when it is back (how long it was
 * down, how many replies were waiting), nothing in between however often the calls fail.
 */
final class BotApiReachability {

    private static final Logger log = LoggerFactory.getLogger(BotApiReachability.class);

    /** Who finds out: the long-polling loop, or a reply being sent. */
    enum Caller { POLLING, SENDING }

    private final URI api;
    private final java.util.EnumSet<Caller> failing = java.util.EnumSet.noneOf(Caller.class);
    private long downSince;
    private int waiting;
    private int waitedDuringOutage;

    BotApiReachability(URI api) {
        this.api = api;
    }

    /** A call found no Bot API: the first such call of an outage says so. */
    synchronized void failed(Caller caller, Throwable cause) {
        if (failing.isEmpty()) {
            downSince = System.nanoTime();
            waitedDuringOutage = waiting;
            log.warn("the Bot API at {} does not answer ({}); polling and replies wait until it does", api,
                    TelegramErrors.describe(cause));
        }
        failing.add(caller);
    }

    /**
     * A call was answered. The outage is over once each caller that met it was answered again (polling may come
     * back before the reply waiting for its next try): then, and only then, it says so.
     */
    synchronized void answered(Caller caller) {
        if (failing.remove(caller) && failing.isEmpty()) {
            log.info("the Bot API at {} answers again after {} s; {} replies were waiting", api,
                    Duration.ofNanos(System.nanoTime() - downSince).toSeconds(), waitedDuringOutage);
        }
    }

    /** A reply starts waiting for the Bot API to come back. */
    synchronized void replyWaits() {
        waiting++;
        waitedDuringOutage = Math.max(waitedDuringOutage, waiting);
    }

    /**
     * A reply no longer waits: sent (which {@link #answered} already told), or given up, which says nothing of
     * whether the Bot API is back; the next reply sent tells.
     */
    synchronized void replyDone() {
        waiting--;
    }
}
