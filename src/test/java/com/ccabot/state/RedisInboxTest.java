package com.ccabot.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.config.Config.StateSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The work queue in a real Redis: kept once, handed to one replica, in order per chat, taken over when one dies. */
class RedisInboxTest {

    private static final Duration CLAIM_AFTER = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedisServer redis;
    private final List<SharedState> states = new CopyOnWriteArrayList<>();
    private final List<RedisInbox> inboxes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        inboxes.forEach(RedisInbox::stop);
        states.forEach(SharedState::close);
        if (redis != null) { // null when the test was skipped for want of redis-server
            redis.close();
        }
    }

    private RedisInbox inbox() {
        SharedState state = SharedState.connect(new StateSettings(redis.url(), CLAIM_AFTER), null, new SimpleMeterRegistry());
        states.add(state);
        RedisInbox inbox = new RedisInbox(state, new SimpleMeterRegistry());
        inboxes.add(inbox);
        return inbox;
    }

    @Test
    void anUpdateIsKeptOnceAndAnsweredByOneReplicaInOrderWithinItsChat() throws Exception {
        RedisInbox one = inbox();
        RedisInbox two = inbox();
        Map<Integer, String> answeredBy = new ConcurrentHashMap<>();
        List<Integer> chat7 = new CopyOnWriteArrayList<>();
        one.deliverTo(recorder("one", answeredBy, chat7));
        two.deliverTo(recorder("two", answeredBy, chat7));
        awaitTrue(() -> owned(one) + owned(two) == RedisInbox.PARTITIONS && owned(one) > 0 && owned(two) > 0,
                "the partitions shared out");

        for (int id = 1; id <= 200; id++) {
            long chat = id % 3 == 0 ? 7 : 1000 + id;
            assertThat((id % 2 == 0 ? one : two).keep(update(id, chat))).isTrue();
        }
        assertThat(one.keep(update(5, 1005))).as("an update Telegram delivers again").isFalse();
        awaitTrue(() -> answeredBy.size() == 200, "200 updates answered");

        assertThat(answeredBy.values()).contains("one", "two");
        assertThat(chat7).as("one chat's updates in the order they came").isSorted().hasSize(66);
        awaitTrue(() -> redis.command("XLEN", RedisInbox.STREAM + RedisInbox.partition("7")).contains(":0"),
                "answered entries deleted");
        assertThat(one.nextOffset()).isEqualTo(201);
    }

    @Test
    void whatADeadReplicaLeftPendingIsAnsweredByAnotherAfterClaimAfter() throws Exception {
        RedisInbox dying = inbox();
        List<Integer> held = new CopyOnWriteArrayList<>();
        dying.deliverTo((update, done) -> held.add(update.getUpdateId())); // takes, never answers
        awaitTrue(() -> owned(dying) == RedisInbox.PARTITIONS, "every partition held by the only replica");
        for (int id = 1; id <= 20; id++) {
            dying.keep(update(id, 2000 + id));
        }
        awaitTrue(() -> held.size() == 20, "20 updates handed over");
        dying.stop(); // dead: no more heartbeats, its leases and entries left as they are

        RedisInbox survivor = inbox();
        Map<Integer, String> answeredBy = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        survivor.deliverTo(recorder("survivor", answeredBy, new CopyOnWriteArrayList<>()));
        awaitTrue(() -> answeredBy.size() == 20, "the dead replica's 20 updates answered by the survivor");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CLAIM_AFTER.multipliedBy(3));
    }

    @Test
    void exactlyOneReplicaMayPollAndAnotherTakesOverWhenItStops() throws Exception {
        RedisInbox one = inbox();
        RedisInbox two = inbox();
        assertThat(one.mayPoll()).isTrue();
        assertThat(two.mayPoll()).isFalse();
        assertThat(one.mayPoll()).as("renewed by its holder").isTrue();
        one.close(); // a clean stop hands the lease over at once
        assertThat(two.mayPoll()).isTrue();
    }

    private static BiConsumer<Update, Runnable> recorder(String name, Map<Integer, String> answeredBy, List<Integer> chat7) {
        return (update, done) -> {
            if (update.getMessage().getChatId() == 7) {
                chat7.add(update.getUpdateId());
            }
            assertThat(answeredBy.put(update.getUpdateId(), name)).as("answered once").isNull();
            done.run();
        };
    }

    private static int owned(RedisInbox inbox) {
        return inbox.ownedPartitions();
    }

    static Update update(int id, long chat) throws Exception {
        return JSON.readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"question " + id + "\"}}", Update.class);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT + " for " + what);
            }
            Thread.sleep(20);
        }
    }
}
