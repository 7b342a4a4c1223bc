package com.ccabot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets of this process (Bucket4j's local buckets), each forgotten after ten minutes unused: by then any
 * bucket the bot uses has filled up again, so forgetting it changes nothing.
 */
final class LocalBuckets implements Buckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    @Override
    public boolean tryTake(String name, List<Rate> rates) {
        return bucket(name, rates).tryConsume(1);
    }

    @Override
    public void take(String name, List<Rate> rates) throws InterruptedException {
        bucket(name, rates).asBlocking().consume(1);
    }

    private Bucket bucket(String name, List<Rate> rates) {
        return buckets.get(name, key -> {
            var builder = Bucket.builder();
            for (var limit : Rate.configuration(rates).getBandwidths()) { // the same limits as in Redis
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }
}
