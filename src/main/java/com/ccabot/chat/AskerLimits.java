package com.ccabot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;

/**
 * How many questions each asker may ask: a burst at once, then a steady rate per minute (Bucket4j). Past it the
 * asker is told once, politely, and then not again until they may ask again — neither silence nor a flood. With
 * buckets in Redis, replicas share each asker's allowance; whether an asker was told stays with each replica.
 */
public final class AskerLimits {

    /** What to do with one question. */
    public enum Decision { ANSWER, NOTIFY, IGNORE }

    private final List<Rate> rates;
    private final Buckets buckets;
    /** The askers told they ask too fast, and not allowed a question since. */
    private final Cache<Long, Boolean> notified = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    public AskerLimits(int perMinute, int burst) {
        this(perMinute, burst, Buckets.local());
    }

    /** Limits whose buckets are kept in {@code buckets}. */
    public AskerLimits(int perMinute, int burst, Buckets buckets) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        this.rates = List.of(new Rate(burst, perMinute, Duration.ofMinutes(1)));
        this.buckets = buckets;
    }

    public Decision check(long askerId) {
        if (buckets.tryTake("asker:" + askerId, rates)) {
            notified.invalidate(askerId);
            return Decision.ANSWER;
        }
        return notified.asMap().putIfAbsent(askerId, Boolean.TRUE) == null ? Decision.NOTIFY : Decision.IGNORE;
    }

    public static String notice() {
        return "You're asking faster than I can keep up with. Please wait a minute and ask again.";
    }
}
