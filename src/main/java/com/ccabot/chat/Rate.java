package com.ccabot.chat;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.List;

/**
 * One limit of a token bucket: {@code capacity} tokens at once, refilled greedily at {@code tokens} per
 * {@code period}. A bucket holds one or more of them, all of which must allow a take.
 */
public record Rate(long capacity, long tokens, Duration period) {

    public Rate {
        if (capacity < 1 || tokens < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate needs a capacity and tokens of at least 1 and a positive period");
        }
    }

    /** The Bucket4j configuration of a bucket with these limits, local or in Redis alike. */
    public static BucketConfiguration configuration(List<Rate> rates) {
        var builder = BucketConfiguration.builder();
        for (Rate rate : rates) {
            builder.addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.tokens(), rate.period()));
        }
        return builder.build();
    }

    /** The longest a bucket of these limits takes to fill up again: how long it must be remembered. */
    public static Duration refillTime(List<Rate> rates) {
        return rates.stream()
                .map(rate -> rate.period().multipliedBy(rate.capacity()).dividedBy(rate.tokens()).plus(rate.period()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
