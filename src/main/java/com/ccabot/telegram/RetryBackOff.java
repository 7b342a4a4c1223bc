package com.ccabot.telegram;

/**
 * How long to wait after a failed call to the Bot API before the next try, for long polling and for a reply
 * alike: doubling from half a second up to half a minute, and never giving up by itself (TelegramBots' default
 * stops for good after fifteen minutes of outage); a reply's own age limit decides when it is given up.
 */
final class RetryBackOff {

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
