package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas (child JVMs) sharing one Redis behind a load balancer, which this test plays: it posts Telegram's
 * webhooks to each in turn. Together they answer every question once, keep each asker's allowance and Telegram's
 * pace as one bot would, and share conversations and cached answers.
 */
class ReplicasWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 50;
    private static final int GROUPS = 25;
    private static final int BURST = 5;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> QUESTIONS = List.of(
            "How many Chinese-invested enterprises operate in Uzbekistan?",
            "Where was the second China-Central Asia Summit held?",
            "When was the China-Central Asia Industry-Education Integration Alliance established?",
            "How many people attended the 12th China-Central Asia Cooperation Forum?");

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

    @Test
    void twoReplicasAnswerAsOneBot() throws Exception {
        cluster = ReplicaCluster.start(logs);
        api = cluster.api();
        Map<String, String> limits = Replica.env("CCA_TELEGRAM_RATE_BURST", String.valueOf(BURST),
                "CCA_TELEGRAM_RATE_PER_MINUTE", "1");
        Replica first = started("first", limits);
        Replica second = started("second", limits);
        ReplicaCluster.awaitPartitionsShared(first, second);

        // 50 users ask six questions each: three in their private chat, three in a group (two users a group), so
        // that one user's questions land on both replicas
        Map<String, Long> askerOfGroupQuestion = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (long user = 1; user <= USERS; user++) {
                api.privateMessage(user, QUESTIONS.get((int) ((user + round) % QUESTIONS.size())));
                long group = -1000 - user % GROUPS;
                FakeBotApi.Message asked = api.groupMessage(group, user, "/ask "
                        + QUESTIONS.get((int) ((user + round + 1) % QUESTIONS.size())));
                askerOfGroupQuestion.put(group + ":" + asked.messageId(), user);
            }
        }
        List<String> updates = api.takeUpdatesForWebhook();
        assertThat(updates).hasSize(6 * USERS);
        for (int i = 0; i < updates.size(); i++) {
            assertThat(cluster.replicas().get(i % 2).postUpdate(updates.get(i))).isEqualTo(200);
        }
        // Telegram posting some again, to the other replica: acknowledged, not answered twice
        for (int i = 0; i < 20; i++) {
            assertThat(cluster.replicas().get((i + 1) % 2).postUpdate(updates.get(i))).isEqualTo(200);
        }

        List<FakeBotApi.Call> sent = api.awaitCalls("sendMessage", 6 * USERS, WAIT);
        Thread.sleep(1_500); // a second answer to any question would be under way by now

        sent = api.calls("sendMessage");
        assertThat(sent).as("one reply to each question, none twice").hasSize(6 * USERS);
        Map<Long, Integer> answers = new TreeMap<>();
        Map<Long, Integer> notices = new TreeMap<>();
        Map<Long, List<Instant>> privateReplies = new HashMap<>();
        for (FakeBotApi.Call call : sent) {
            long chat = call.params().path("chat_id").asLong();
            long asker = chat > 0 ? chat
                    : askerOfGroupQuestion.get(chat + ":" + call.params().path("reply_parameters").path("message_id").asInt());
            boolean notice = call.params().path("text").asText().contains("asking faster than I can keep up");
            (notice ? notices : answers).merge(asker, 1, Integer::sum);
            if (chat > 0) {
                privateReplies.computeIfAbsent(chat, c -> new ArrayList<>()).add(call.at());
            }
        }
        assertThat(answers.values()).as("answers per asker: the burst of %d, across both replicas", BURST)
                .hasSize(USERS).containsOnly(BURST);
        assertThat(notices.values()).as("notices per asker").hasSize(USERS).containsOnly(1);
        assertThat(privateReplies.values()).allSatisfy(times -> {
            assertThat(times).hasSize(3);
            for (int i = 1; i < times.size(); i++) {
                // (a second apart when sent; they arrive with some jitter on a busy machine)
                assertThat(Duration.between(times.get(i - 1), times.get(i))).as("one message a second per chat")
                        .isGreaterThan(Duration.ofMillis(700));
            }
        });
        // thirty in any second when sent, 25 a second sustained; replicas each keeping the limit alone would send
        // twice as many
        assertThat(mostWithin(sent, Duration.ofSeconds(1))).as("messages in any second, both replicas together")
                .isLessThanOrEqualTo(35);
        assertThat(mostWithin(sent, Duration.ofSeconds(4))).as("messages in any four seconds, both replicas together")
                .isLessThanOrEqualTo(5 + 4 * 25 + 5);
        assertThat(first.metric("cca_telegram_replies_total")).as("the first replica answered its share").isPositive();
        assertThat(second.metric("cca_telegram_replies_total")).as("the second replica answered its share").isPositive();

        // a follow-up asked of the other replica understands the question before it
        String conversation = "follow-" + System.nanoTime();
        first.ask("When were the poverty reduction and education exchange centers inaugurated in Xinjiang?", conversation);
        JsonNode followUp = JSON.readTree(second.ask("and who unveiled them?", conversation));
        assertThat(followUp.path("answer").asText()).contains("Chen Xiaojiang");
        assertThat(JSON.readTree(second.ask("and who unveiled them?", "alone-" + System.nanoTime())).path("answer").asText())
                .as("the same words outside the conversation").doesNotContain("Chen Xiaojiang");

        // an answer one replica composed is served from the shared cache by the other
        JsonNode composed = JSON.readTree(first.ask("What did the alliance set out to do?", "cache-a"));
        JsonNode served = JSON.readTree(second.ask("What did the alliance set out to do?", "cache-b"));
        assertThat(composed.path("cached").asBoolean()).isFalse();
        assertThat(served.path("cached").asBoolean()).isTrue();
        assertThat(served.path("answer").asText()).isEqualTo(composed.path("answer").asText());

        for (Replica replica : cluster.replicas()) {
            assertThat(replica.log()).as(replica.name() + "'s log").doesNotContain(Replica.TOKEN).doesNotContain("ERROR");
        }
    }

    private Replica started(String name, Map<String, String> env) throws Exception {
        return cluster.replica(name, "webhook", env);
    }

    /** The most calls that arrived within any window of this length. */
    static int mostWithin(List<FakeBotApi.Call> calls, Duration window) {
        List<Instant> times = calls.stream().map(FakeBotApi.Call::at).sorted().toList();
        int most = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (Duration.between(times.get(start), times.get(end)).compareTo(window) >= 0) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
