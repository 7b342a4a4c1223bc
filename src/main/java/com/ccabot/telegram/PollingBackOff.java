package com.ccabot.telegram;

/**
 * How long long polling waits after a failed getUpdates: doubling from half a second up to half a minute, and
 * never giving up, unlike TelegramBots' default, which stops for good after fifteen minutes of outage.
 */
final class PollingBackOff {

    private static final long FIRST_MILLIS = 500;
    private static final long LONGEST_MILLIS = 30_000;

    private long next = FIRST_MILLIS;

    public synchronized void reset() {
        next = FIRST_MILLIS;
    }

    public synchronized long nextBackOffMillis() {
        long wait = next;
        next = Math.min(LONGEST_MILLIS, next * 2);
        return wait;
    }
}
