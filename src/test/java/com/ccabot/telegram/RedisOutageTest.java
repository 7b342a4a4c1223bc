package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.state.RedisServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis stopped and started again (empty) under a replica: it turns not ready and refuses webhooks with 503 while
 * Redis is away, finishes what it had accepted, says so once in its log each way, and is back when Redis is.
 */
class RedisOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUESTION = "How many people attended the 12th China-Central Asia Cooperation Forum?";

    @TempDir
    Path logs;

    private ReplicaCluster cluster;
    private RedisServer redis;
    private FakeBotApi api;
    private Replica replica;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aReplicaWaitsOutRedisAndLosesNothingItAccepted() throws Exception {
        cluster = ReplicaCluster.start(logs);
        redis = cluster.redis();
        api = cluster.api();
        replica = cluster.replica("alone", "webhook", Map.of());
        awaitPartitions(16);

        // accepted and in flight: the replies cannot go out yet
        api.failAll("sendMessage", 502);
        for (long user = 1; user <= 10; user++) {
            api.privateMessage(30_000 + user, QUESTION);
        }
        for (String update : api.takeUpdatesForWebhook()) {
            assertThat(replica.postUpdate(update)).isEqualTo(200);
        }
        api.awaitCalls("sendMessage", 10, WAIT);

        redis.stop();
        awaitReady(503);
        HttpResponse<String> health = replica.get("/health/ready");
        assertThat(health.body()).contains("Redis at " + redis.url() + " does not answer");
        api.privateMessage(30_011, QUESTION);
        String refused = api.takeUpdatesForWebhook().get(0);
        assertThat(replica.postUpdate(refused)).as("Telegram is asked to post it again later").isEqualTo(503);

        api.recover("sendMessage"); // what was accepted is answered meanwhile
        awaitAnswered(10);

        redis.restart();
        awaitReady(200);
        assertThat(replica.postUpdate(refused)).isEqualTo(200);
        awaitAnswered(11);
        Thread.sleep(1_000);

        assertThat(api.botMessagesPerChat().values()).as("one answer per question").hasSize(11).containsOnly(1L);
        String log = replica.log();
        assertThat(Pattern.compile("WARN  RedisHealth - Redis at .* does not answer").matcher(log).results().count())
                .as("one warning when Redis went:\n%s", log).isEqualTo(1);
        assertThat(Pattern.compile("INFO  RedisHealth - Redis at .* answers again").matcher(log).results().count())
                .as("one notice when it came back").isEqualTo(1);
    }

    private void awaitReady(int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (replica.ready() != status) {
            assertThat(System.nanoTime()).as("readiness %d", status).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitPartitions(int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (replica.metric("cca_state_partitions") != count) {
            assertThat(System.nanoTime()).as("%d partitions read", count).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitAnswered(int chats) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.botMessagesPerChat().size() < chats) {
            assertThat(System.nanoTime()).as("%d chats answered: %s", chats, api.botMessagesPerChat()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
