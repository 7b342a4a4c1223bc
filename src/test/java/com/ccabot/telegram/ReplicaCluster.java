package com.ccabot.telegram;

import com.ccabot.state.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the replica tests share: a Redis and a fake Bot API started for the test, and replicas (child JVMs) started
 * against both, all closed together, replicas first. A test without {@code redis-server} is skipped by
 * {@link RedisServer#start()}.
 */
final class ReplicaCluster implements AutoCloseable {

    private final Path logs;
    private final RedisServer redis;
    private final FakeBotApi api;
    private final List<Replica> replicas = new ArrayList<>();

    private ReplicaCluster(Path logs, RedisServer redis, FakeBotApi api) {
        this.logs = logs;
        this.redis = redis;
        this.api = api;
    }

    /** Starts Redis and the fake Bot API; replicas write their logs under {@code logs}. */
    static ReplicaCluster start(Path logs) {
        RedisServer redis = RedisServer.start();
        try {
            return new ReplicaCluster(logs, redis, FakeBotApi.start(Replica.TOKEN, "replica_bot", 777000777));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    RedisServer redis() {
        return redis;
    }

    FakeBotApi api() {
        return api;
    }

    List<Replica> replicas() {
        return List.copyOf(replicas);
    }

    /** Starts a replica in {@code mode} ("webhook" or "polling") with extra environment, and waits until it is ready. */
    Replica replica(String name, String mode, Map<String, String> env) throws Exception {
        Replica replica = Replica.start(name, mode, api.url(), redis.url(), logs, env);
        replicas.add(replica);
        return replica;
    }

    /** Waits until each of two replicas reads half of the queue's partitions. */
    static void awaitPartitionsShared(Replica first, Replica second) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (first.metric("cca_state_partitions") != 8 || second.metric("cca_state_partitions") != 8) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the partitions were not shared out: " + first.metric("cca_state_partitions")
                        + " and " + second.metric("cca_state_partitions"));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (Replica replica : replicas) {
                replica.close();
            }
        } finally {
            api.close();
            redis.close();
        }
    }
}
