package com.ccabot.state;

import com.ccabot.chat.Buckets;
import com.ccabot.chat.Rate;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, through Bucket4j's Lettuce integration (compare-and-swap in a Lua script), so that
 * replicas together keep each asker's allowance, each chat's pace and the bot's thirty messages a second. A bucket
 * is forgotten once it would be full again. While Redis is away this replica's own buckets stand in: it keeps the
 * limits alone, as a single process does.
 */
final class RedisBuckets implements Buckets {

    private static final String PREFIX = "cca:bucket:";
    /** Kept a little past the time a bucket takes to fill up, after which a new one is the same. */
    private static final Duration KEEP_FULL = Duration.ofSeconds(5);

    private final SharedState redis;
    private final Buckets local = Buckets.local();
    private volatile ProxyManager<String> buckets;
    private volatile StatefulRedisConnection<String, byte[]> connection;

    RedisBuckets(SharedState redis) {
        this.redis = redis;
    }

    @Override
    public boolean tryTake(String name, List<Rate> rates) {
        ProxyManager<String> shared = buckets();
        if (shared != null) {
            try {
                boolean taken = shared.builder().build(PREFIX + name, () -> Rate.configuration(rates)).tryConsume(1);
                redis.answered();
                return taken;
            } catch (RuntimeException e) { // Bucket4j wraps Lettuce's exceptions in its own
                redis.failed(e);
            }
        }
        return local.tryTake(name, rates);
    }

    @Override
    public void take(String name, List<Rate> rates) throws InterruptedException {
        ProxyManager<String> shared = buckets();
        if (shared != null) {
            try {
                shared.builder().build(PREFIX + name, () -> Rate.configuration(rates)).asBlocking().consume(1);
                redis.answered();
                return;
            } catch (RuntimeException e) { // Bucket4j wraps Lettuce's exceptions in its own
                redis.failed(e);
            }
        }
        local.take(name, rates);
    }

    /** The buckets in Redis once it was reached (Lettuce reconnects the same connection after an outage). */
    private ProxyManager<String> buckets() {
        StatefulRedisConnection<String, byte[]> current = redis.bytes();
        if (current == null) {
            return null;
        }
        if (current != connection) {
            synchronized (this) {
                if (current != connection) {
                    buckets = Bucket4jLettuce.casBasedBuilder(current)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                            .requestTimeout(SharedState.COMMAND_TIMEOUT)
                            .build();
                    connection = current;
                }
            }
        }
        return buckets;
    }
}
