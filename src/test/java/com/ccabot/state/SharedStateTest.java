package com.ccabot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import com.ccabot.answer.Conversations;
import com.ccabot.answer.Turn;
import com.ccabot.cache.AnswerCache;
import com.ccabot.chat.AskerLimits;
import com.ccabot.chat.AskerLimits.Decision;
import com.ccabot.config.Config.StateSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas' views of one real Redis share limits, conversations and cached answers. */
class SharedStateTest {

    private static RedisServer redis;
    private static SharedState one;
    private static SharedState two;

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        one = connect();
        two = connect();
    }

    @AfterAll
    static void stop() {
        if (one != null) {
            one.close();
            two.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static SharedState connect() {
        SharedState state = SharedState.connect(new StateSettings(redis.url(), Duration.ofSeconds(3)), null,
                new SimpleMeterRegistry());
        assertThat(state.up()).as("connected at once to a Redis that answers").isTrue();
        return state;
    }

    @Test
    void anAskerCannotDoubleTheirAllowanceOnTwoReplicas() {
        AskerLimits first = new AskerLimits(1, 3, new RedisBuckets(one));
        AskerLimits second = new AskerLimits(1, 3, new RedisBuckets(two));
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decisions.add(first.check(4242));
            decisions.add(second.check(4242));
        }
        assertThat(decisions).filteredOn(d -> d == Decision.ANSWER).hasSize(3);
        assertThat(first.check(4343)).as("another asker has an allowance of their own").isEqualTo(Decision.ANSWER);
    }

    @Test
    void aConversationGoesOnOnAnotherReplica() {
        Conversations mine = one.conversations(2, Duration.ofMinutes(30));
        Conversations theirs = two.conversations(2, Duration.ofMinutes(30));
        mine.add("tg:77", new Turn("where was the summit held", "In Astana [1]."));
        mine.add("tg:77", new Turn("when", "In June 2025 [1]."));
        theirs.add("tg:77", new Turn("who attended", "Six heads of state [1]."));

        assertThat(one.conversations(2, Duration.ofMinutes(30)).history("tg:77")).extracting(Turn::question)
                .containsExactly("when", "who attended");
        assertThat(theirs.history("tg:78")).isEmpty();
        assertThat(theirs.history(null)).isEmpty();
    }

    @Test
    void anAnswerCachedByOneReplicaIsServedByTheOther() {
        Answer answer = new Answer("where?", "In Astana [1].", true, List.of(new Citation(1, "summit.md", "The summit",
                LocalDate.of(2025, 6, 17), "Xinhua", "https://example.org/a", 0.71, "It was held in Astana.")),
                "extractive", false, false, 3.2);
        AnswerCache.Key key = new AnswerCache.Key("where was the summit held", "extractive", "abc123");
        new AnswerCache(10, Duration.ofMinutes(5), one.answers()).put(key, answer);

        Optional<Answer> served = new AnswerCache(10, Duration.ofMinutes(5), two.answers()).get(key);
        assertThat(served).contains(answer);
        assertThat(new AnswerCache(10, Duration.ofMinutes(5), two.answers())
                .get(new AnswerCache.Key("where was the summit held", "extractive", "other-index")))
                .as("another index version never shares").isEmpty();
    }

    @Test
    void notesWrittenByOneReplicaAreReadByTheOther() {
        new RedisNotes(one).put("message:-100:7", "tg:-100:5");
        assertThat(new RedisNotes(two).get("message:-100:7")).contains("tg:-100:5");
    }

    @Test
    void aReloadOnOneReplicaIsHeardByTheOthersButNotByItself() throws Exception {
        java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger echoes = new java.util.concurrent.atomic.AtomicInteger();
        two.onReloadElsewhere(heard::countDown);
        one.onReloadElsewhere(echoes::incrementAndGet);

        one.announceReload();

        assertThat(heard.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the other replica reloads").isTrue();
        two.announceReload(); // heard by one: proves one listens, so its silence above was not deafness
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (echoes.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(echoes.get()).as("one heard two once, and never itself").isEqualTo(1);
    }

    @Test
    void aPasswordRedisRefusesStopsStartUpWithoutShowingIt() {
        try (RedisServer guarded = RedisServer.start()) {
            guarded.command("CONFIG", "SET", "requirepass", "the-right-one");
            StateSettings settings = new StateSettings(guarded.url(), Duration.ofSeconds(3));
            assertThatThrownBy(() -> SharedState.connect(settings, "hunter2-wrong", new SimpleMeterRegistry()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refused").hasMessageContaining("REDIS_PASSWORD")
                    .hasMessageNotContaining("hunter2-wrong").hasMessageNotContaining("the-right-one");
            try (SharedState state = SharedState.connect(settings, "the-right-one", new SimpleMeterRegistry())) {
                assertThat(state.up()).isTrue();
            }
        }
    }

    @Test
    void urlsAreShownWithoutTheirUserPart() {
        assertThat(SharedState.masked("redis://:s3cret@redis:6379/0")).isEqualTo("redis://***@redis:6379/0");
        assertThat(SharedState.masked("rediss://user:s3cret@redis:6380")).isEqualTo("rediss://***@redis:6380");
        assertThat(SharedState.maskedIn("cannot reach redis://u:s3cret@h:1 now")).doesNotContain("s3cret");
        assertThat(SharedState.masked("redis://redis:6379")).isEqualTo("redis://redis:6379");
    }
}
