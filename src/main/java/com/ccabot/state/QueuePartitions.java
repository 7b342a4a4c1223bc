package com.ccabot.state;

import io.lettuce.core.ScriptOutputType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which partitions of the shared queue this replica reads: the replicas say every third of {@code state.claim-after}
 * that they are alive (in a sorted set scored by Redis' clock), and each holds the lease of an even share of the
 * partitions, taking free ones (a replica that died leaves its leases to expire) and giving up, once their answers
 * in flight are sent, those beyond its share when another replica joins.
 */
final class QueuePartitions {

    private static final Logger log = LoggerFactory.getLogger(QueuePartitions.class);

    private static final String LEASE = "cca:tg:partition:";
    private static final String REPLICAS = "cca:tg:replicas";
    /** This replica is alive for ARGV[2] ms more (by Redis' clock); returns the live replicas and the backlog. */
    private static final SharedState.Script HEARTBEAT = SharedState.Script.of("""
            local t = redis.call('time')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            redis.call('zremrangebyscore', KEYS[1], '-inf', now)
            local backlog = 0
            for i = 2, #KEYS do backlog = backlog + redis.call('xlen', KEYS[i]) end
            return {redis.call('zcard', KEYS[1]), backlog}""");

    private final SharedState redis;
    private final int count;
    private final String stream;
    private final Duration claimAfter;
    private final List<Lease> leases = new ArrayList<>();
    /** The partitions held, each with the time its lease is sure to hold until. */
    private final Map<Integer, Long> held = new ConcurrentHashMap<>();
    /** Partitions given up, read no more, released once nothing of theirs is in flight. */
    private final Set<Integer> releasing = ConcurrentHashMap.newKeySet();
    private volatile int backlog;

    /**
     * @param stream the name of partition p's stream is this followed by p
     */
    QueuePartitions(SharedState redis, int count, String stream) {
        this.redis = redis;
        this.count = count;
        this.stream = stream;
        this.claimAfter = redis.claimAfter();
        for (int p = 0; p < count; p++) {
            leases.add(new Lease(redis, LEASE + p, redis.replica(), claimAfter));
        }
    }

    /**
     * Says this replica is alive, renews its leases, and takes or gives up partitions towards an even share.
     *
     * @param takeOver runs for each partition just taken, before it is read: its entries left pending are claimed
     * @throws UncheckedIOException when Redis does not answer
     */
    void beat(IntConsumer takeOver) {
        String[] keys = new String[count + 1];
        keys[0] = REPLICAS;
        for (int p = 0; p < count; p++) {
            keys[p + 1] = stream + p;
        }
        List<Long> figures = redis.eval(HEARTBEAT, ScriptOutputType.MULTI, keys, redis.replica(),
                String.valueOf(claimAfter.toMillis()));
        backlog = figures.get(1).intValue();
        int share = (int) Math.ceil(count / (double) Math.max(1, figures.get(0)));
        for (int partition : List.copyOf(held.keySet())) {
            if (leases.get(partition).hold()) {
                held.computeIfPresent(partition, (p, until) -> leaseUntil());
            } else if (held.remove(partition) != null) {
                releasing.remove(partition);
                log.warn("partition {} of the queue was taken by another replica (this one was away longer than"
                        + " state.claim-after)", partition);
            }
        }
        int kept = reading();
        for (int partition = count - 1; partition >= 0 && kept > share; partition--) {
            if (held.containsKey(partition) && releasing.add(partition)) {
                kept--;
            }
        }
        for (int partition = 0; partition < count && kept < share; partition++) {
            if (!held.containsKey(partition) && leases.get(partition).hold()) {
                takeOver.accept(partition);
                held.put(partition, leaseUntil());
                kept++;
            }
        }
    }

    /** The partitions to read now: held, not given up, and their leases sure to hold. */
    List<Integer> readable() {
        long now = System.nanoTime();
        List<Integer> readable = new ArrayList<>();
        held.forEach((partition, until) -> {
            if (until > now && !releasing.contains(partition)) {
                readable.add(partition);
            }
        });
        return readable;
    }

    /** Releases the partitions given up whose answers are all sent, so that the replica taking them reads on. */
    void releaseIdle(IntPredicate busy) {
        for (int partition : List.copyOf(releasing)) {
            if (!busy.test(partition)) {
                leases.get(partition).release();
                held.remove(partition);
                releasing.remove(partition);
            }
        }
    }

    /** How many partitions this replica reads. */
    int reading() {
        return held.size() - releasing.size();
    }

    /** Updates in the queue not yet answered, all partitions together, as of the last heartbeat. */
    int backlog() {
        return backlog;
    }

    /** Gives every lease back and leaves the replicas, so that the others take over at once. */
    void leave() {
        for (int partition : held.keySet()) {
            leases.get(partition).release();
        }
        held.clear();
        redis.call(commands -> commands.zrem(REPLICAS, redis.replica()));
    }

    /** Until when a lease renewed now surely holds: its time less a margin for the clocks and the renewal's trip. */
    private long leaseUntil() {
        return System.nanoTime() + claimAfter.toNanos() * 3 / 4;
    }
}
