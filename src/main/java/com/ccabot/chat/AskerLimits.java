package com.ccabot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many questions each asker may ask: a burst at once, then a steady rate per minute (Bucket4j). Past it the
 * asker is told once, politely, and then not again until they may ask again — neither silence nor a flood.
 */
public final class AskerLimits {

    /** What to do with one question. */
    public enum Decision { ANSWER, NOTIFY, IGNORE }

    private record Allowance(Bucket bucket, AtomicBoolean notified) {}

    private final int perMinute;
    private final int burst;
    private final Cache<Long, Allowance> askers = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    public AskerLimits(int perMinute, int burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        this.perMinute = perMinute;
        this.burst = burst;
    }

    public Decision check(long askerId) {
        Allowance allowance = askers.get(askerId, id -> new Allowance(Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build(), new AtomicBoolean()));
        if (allowance.bucket().tryConsume(1)) {
            allowance.notified().set(false);
            return Decision.ANSWER;
        }
        return allowance.notified().compareAndSet(false, true) ? Decision.NOTIFY : Decision.IGNORE;
    }

    public static String notice() {
        return "You're asking faster than I can keep up with. Please wait a minute and ask again.";
    }
}
