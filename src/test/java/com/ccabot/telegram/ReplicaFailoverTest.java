package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas (child JVMs) sharing one Redis, one killed with work pending or stopped: the others answer everything,
 * nothing twice; in polling mode one replica polls at a time and another takes over when it dies, without a 409.
 */
class ReplicaFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUESTION = "Where was the second China-Central Asia Summit held?";

    @TempDir
    Path logs;

    private ReplicaCluster cluster;
    private FakeBotApi api;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void startCluster() {
        cluster = ReplicaCluster.start(logs);
        api = cluster.api();
    }

    @Test
    void whatAKilledReplicaHadPendingIsAnsweredByTheOtherOnce() throws Exception {
        startCluster();
        Replica doomed = started("doomed", "webhook");
        Replica survivor = started("survivor", "webhook");
        ReplicaCluster.awaitPartitionsShared(doomed, survivor);

        // no reply gets through: each replica takes its share of the questions and keeps trying to answer them
        api.failAll("sendMessage", 502);
        int askers = 40;
        for (long user = 1; user <= askers; user++) {
            api.privateMessage(90_000 + user, QUESTION);
        }
        List<String> updates = api.takeUpdatesForWebhook();
        for (int i = 0; i < updates.size(); i++) {
            assertThat(cluster.replicas().get(i % 2).postUpdate(updates.get(i))).isEqualTo(200);
        }
        awaitTriedChats(askers);

        doomed.kill(); // kill -9 with its share of the questions pending
        api.recover("sendMessage");

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.botMessagesPerChat().size() < askers) {
            assertThat(System.nanoTime()).as("every question answered; answered so far: %s", api.botMessagesPerChat())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(1_000); // a second answer would be under way by now
        assertThat(api.botMessagesPerChat().values()).as("one answer per question").hasSize(askers).containsOnly(1L);
        assertThat(survivor.metric("cca_state_claimed_total")).as("updates the survivor took over").isPositive();
        assertThat(survivor.log()).as("no Redis outage").doesNotContain("WARN  RedisHealth");
    }

    @Test
    void oneReplicaPollsAtATimeAndAnotherTakesOverWhenItDies() throws Exception {
        startCluster();
        Replica a = started("a", "polling");
        Replica b = started("b", "polling");
        ReplicaCluster.awaitPartitionsShared(a, b);
        Replica poller = a.metric("cca_telegram_polling") == 1 ? a : b;
        Replica other = poller == a ? b : a;
        assertThat(poller.metric("cca_telegram_polling") + other.metric("cca_telegram_polling"))
                .as("exactly one replica polls").isEqualTo(1);

        for (long user = 1; user <= 20; user++) {
            api.privateMessage(50_000 + user, QUESTION);
        }
        api.awaitCalls("sendMessage", 20, WAIT);

        poller.kill();
        for (long user = 21; user <= 40; user++) {
            api.privateMessage(50_000 + user, QUESTION);
        }
        api.awaitCalls("sendMessage", 40, WAIT);
        assertThat(other.metric("cca_telegram_polling")).as("the other replica polls now").isEqualTo(1);
        Thread.sleep(1_000);
        assertThat(api.botMessagesPerChat().values()).as("one answer per question").hasSize(40).containsOnly(1L);
        assertThat(api.pollConflicts()).as("getUpdates calls that overlapped (Telegram's 409)").isZero();
        // a 409 in an error, not in a timestamp's milliseconds ("12:33:35.409")
        assertThat(a.log() + b.log()).doesNotContainPattern("(?<![.:]\\d{0,2})\\b409\\b").doesNotContain("Conflict");
        assertThat(other.stop()).as("a clean stop").isTrue();
        assertThat(other.log()).contains("stopped");
    }

    private void awaitTriedChats(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Set<Long> tried = api.calls("sendMessage").stream().map(call -> call.params().path("chat_id").asLong())
                    .collect(Collectors.toSet());
            if (tried.size() >= count) {
                return;
            }
            assertThat(System.nanoTime()).as("replies tried for %d chats, got %d", count, tried.size()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Replica started(String name, String mode) throws Exception {
        return cluster.replica(name, mode, Map.of("CCA_TELEGRAM_RATE_BURST", "100"));
    }
}
