package com.ccabot.chat;

import java.util.List;

/**
 * Token buckets by name (Bucket4j): kept in this process ({@link #local()}), or in Redis, so that several replicas
 * of the bot share one allowance per asker, per chat and for the whole bot.
 */
public interface Buckets {

    /** Takes a token from the named bucket if it has one now; never waits. */
    boolean tryTake(String name, List<Rate> rates);

    /** Takes a token from the named bucket, waiting until it has one. */
    void take(String name, List<Rate> rates) throws InterruptedException;

    /** Buckets of this process alone. */
    static Buckets local() {
        return new LocalBuckets();
    }
}
