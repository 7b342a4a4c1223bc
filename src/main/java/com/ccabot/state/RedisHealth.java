package com.ccabot.state;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers, as the health check and every command find out, so that an outage is told once: one WARN
 * when it stops answering (with the cause and the address, never the password), one INFO when it is back (and how
 * long it was away), nothing in between however often commands fail. Listeners hear of each change.
 */
final class RedisHealth {

    private static final Logger log = LoggerFactory.getLogger(RedisHealth.class);

    private final String address;
    private final List<SharedState.Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean up;
    private boolean warned;
    private long downSince = System.nanoTime();
    private String reason;

    /** @param address the masked URL, for messages */
    RedisHealth(String address) {
        this.address = address;
        this.reason = "Redis at " + address + " has not been reached yet";
    }

    /** Adds a listener, telling it at once whether Redis answers now. */
    void listen(SharedState.Listener listener) {
        listeners.add(listener);
        boolean now;
        String why;
        synchronized (this) {
            now = up;
            why = reason;
        }
        if (now) {
            listener.up();
        } else {
            listener.down(why);
        }
    }

    synchronized boolean up() {
        return up;
    }

    /** Why Redis does not answer, while it does not. */
    synchronized String reason() {
        return reason;
    }

    /** A command or the health check got no answer: the first failure of an outage says so. */
    void failed(String cause) {
        String why;
        synchronized (this) {
            if (warned) {
                return;
            }
            if (up) {
                downSince = System.nanoTime();
            }
            up = false;
            warned = true;
            reason = "Redis at " + address + " does not answer (" + cause + ")";
            why = reason;
            log.warn("{}: until it does, no update is taken (webhooks answer 503, polling pauses, readiness is 503),"
                    + " and answers go on with this replica's own limits, memory and cache", reason);
        }
        listeners.forEach(listener -> listener.down(why));
    }

    /** A command or the health check was answered: the first answer after an outage says so. */
    void answered() {
        synchronized (this) {
            if (up) {
                return;
            }
            if (warned) {
                log.info("Redis at {} answers again after {} s", address,
                        Duration.ofNanos(System.nanoTime() - downSince).toSeconds());
            } else {
                log.info("sharing state with the other replicas in Redis at {}", address);
            }
            up = true;
            warned = false;
        }
        listeners.forEach(SharedState.Listener::up);
    }
}
