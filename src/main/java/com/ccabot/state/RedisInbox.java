package com.ccabot.state;

import com.ccabot.telegram.Inbox;
import com.ccabot.telegram.TelegramState;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram's work queue shared by replicas, in Redis Streams. An update is appended, de-duplicated by its
 * {@code update_id} (remembered 48 hours), to one of {@value #PARTITIONS} streams chosen by its chat, before Telegram
 * is told it arrived. Each partition is read by one replica at a time, the holder of its lease, through the consumer
 * group {@value #GROUP}: so a chat's updates are answered in order (within a replica, its chats run in lanes of their
 * own), and the replicas share the partitions evenly. An entry is acknowledged and deleted only once its reply was
 * sent. A replica that dies leaves its leases to expire after {@code state.claim-after}; whoever takes a partition
 * then claims its pending entries first. One replica at a time holds the polling lease and polls.
 */
final class RedisInbox implements Inbox {

    private static final Logger log = LoggerFactory.getLogger(RedisInbox.class);

    /** How many streams the updates are spread over: the most replicas that can share the work. */
    static final int PARTITIONS = 16;
    static final String GROUP = "cca";
    static final String STREAM = "cca:tg:updates:";
    private static final String SEEN = "cca:tg:seen:";
    private static final String OFFSET = "cca:tg:offset";
    private static final String POLLER = "cca:tg:poller";
    /** How long an update's id is remembered: Telegram delivers an unconfirmed update again for up to 24 hours. */
    private static final Duration SEEN_FOR = Duration.ofHours(48);
    private static final int BATCH = 100;
    private static final Duration BLOCK = Duration.ofSeconds(1);
    /** Entries handed over and not yet answered, beyond which no more are read (the others read them meanwhile). */
    private static final int MAX_IN_FLIGHT = 1_000;

    /** Appends an update unless its id was seen, and moves the polling offset past it. */
    private static final SharedState.Script KEEP = SharedState.Script.of("""
            if not redis.call('set', KEYS[1], 'taken', 'NX', 'EX', ARGV[2]) then return 0 end
            redis.call('xadd', KEYS[2], '*', 'update', ARGV[1])
            local next = tonumber(ARGV[3]) + 1
            if next > tonumber(redis.call('get', KEYS[3]) or '0') then redis.call('set', KEYS[3], next) end
            return 1""");
    /** An answered entry: acknowledged, deleted, and its update remembered as done. */
    private static final SharedState.Script DONE = SharedState.Script.of("""
            redis.call('xack', KEYS[1], ARGV[1], ARGV[2])
            redis.call('xdel', KEYS[1], ARGV[2])
            redis.call('set', KEYS[2], 'done', 'EX', ARGV[3])
            return 1""");
    private final SharedState redis;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration claimAfter;
    private final String replica;
    private final QueuePartitions partitions;
    private final Lease polling;
    /** Entries handed over and not yet acknowledged, by partition and id (ids are per stream), with their partition. */
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    /** Acknowledgements Redis did not take (it was away), sent again once it answers. */
    private final Queue<Answered> unacknowledged = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "redis-partitions");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter claimed;
    private volatile BiConsumer<Update, Runnable> handler;
    private volatile Thread reader;
    private volatile boolean running = true;
    private volatile boolean poller;
    private volatile boolean toldNotPolling;

    private record Answered(int partition, String entry, int updateId) {}

    RedisInbox(SharedState redis, MeterRegistry registry) {
        this.redis = redis;
        this.claimAfter = redis.claimAfter();
        this.replica = redis.replica();
        this.partitions = new QueuePartitions(redis, PARTITIONS, STREAM);
        this.polling = new Lease(redis, POLLER, replica, claimAfter);
        Gauge.builder("cca.state.partitions", partitions, QueuePartitions::reading)
                .description("Partitions of the shared Telegram queue this replica reads (of " + PARTITIONS + ")")
                .register(registry);
        Gauge.builder("cca.telegram.polling", this, inbox -> inbox.poller ? 1 : 0)
                .description("Whether this replica holds the polling lease and polls Telegram (1) or not (0)")
                .register(registry);
        this.claimed = Counter.builder("cca.state.claimed")
                .description("Updates taken over, pending, with a partition from a replica that stopped or died")
                .register(registry);
    }

    // ---------------------------------------------------------------- keeping

    @Override
    public boolean keep(Update update) {
        String body;
        try {
            body = json.writeValueAsString(update);
        } catch (IOException e) {
            throw new IllegalStateException("an update always serialises", e);
        }
        int partition = partition(TelegramState.chatOf(update));
        long kept = redis.eval(KEEP, ScriptOutputType.INTEGER,
                new String[] {SEEN + update.getUpdateId(), STREAM + partition, OFFSET},
                body, String.valueOf(SEEN_FOR.toSeconds()), String.valueOf(update.getUpdateId()));
        return kept == 1;
    }

    static int partition(String chat) {
        return Math.floorMod(chat.hashCode(), PARTITIONS);
    }

    @Override
    public int nextOffset() {
        String offset = redis.call(commands -> commands.get(OFFSET));
        return offset == null ? 0 : Integer.parseInt(offset);
    }

    @Override
    public boolean mayPoll() {
        boolean mine;
        try {
            mine = polling.hold();
        } catch (UncheckedIOException e) {
            mine = false;
        }
        if (mine && !poller) {
            log.info("this replica polls Telegram now (it holds the polling lease)");
        } else if (!mine && poller) {
            log.info("this replica stops polling: {}", redis.up() ? "another replica holds the polling lease"
                    : "Redis does not answer");
        } else if (!mine && !toldNotPolling && redis.up()) {
            log.info("another replica polls Telegram; this one answers its share of the queue");
        }
        toldNotPolling = !mine;
        poller = mine;
        return mine;
    }

    @Override
    public Duration pollFor() {
        return claimAfter.multipliedBy(2).dividedBy(3);
    }

    @Override
    public int backlog() {
        return partitions.backlog();
    }

    /** How many partitions this replica reads now. */
    int ownedPartitions() {
        return partitions.reading();
    }

    // ---------------------------------------------------------------- handing over

    @Override
    public void deliverTo(BiConsumer<Update, Runnable> handler) {
        this.handler = handler;
        long period = Math.max(100, claimAfter.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
        reader = new Thread(this::read, "redis-queue");
        reader.setDaemon(true);
        reader.start();
    }

    /** Says this replica is alive, sends acknowledgements Redis missed, and shares the partitions out. */
    private void beat() {
        try {
            acknowledgeAgain();
            partitions.beat(this::takeOver);
        } catch (UncheckedIOException e) {
            // Redis is away: the health check said so; the leases are renewed once it is back
        } catch (RuntimeException e) {
            log.error("sharing the queue's partitions failed", e);
        }
    }

    /** A partition just leased: its entries left pending by a replica that stopped or died are handed over first. */
    private void takeOver(int partition) {
        String stream = STREAM + partition;
        createGroup(stream);
        String cursor = "0-0";
        do {
            String from = cursor;
            ClaimedMessages<String, String> taken = redis.call(commands -> commands.xautoclaim(stream,
                    XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, replica), Duration.ZERO, from).count(BATCH)));
            for (StreamMessage<String, String> message : taken.getMessages()) {
                if (hand(partition, message)) {
                    claimed.increment();
                }
            }
            cursor = taken.getId();
        } while (!"0-0".equals(cursor));
    }

    private void createGroup(String stream) {
        try {
            redis.call(commands -> commands.xgroupCreate(StreamOffset.from(stream, "0"), GROUP,
                    XGroupCreateArgs.Builder.mkstream()));
        } catch (RedisBusyException e) {
            // there already
        } catch (RedisCommandExecutionException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Reads new entries of the partitions this replica holds, and hands them over. */
    private void read() {
        StatefulRedisConnection<String, String> connection = null;
        while (running) {
            try {
                partitions.releaseIdle(partition -> inFlight.containsValue(partition));
            } catch (UncheckedIOException e) {
                // released once Redis is back
            }
            List<StreamOffset<String>> readable = new ArrayList<>();
            for (int partition : partitions.readable()) {
                readable.add(StreamOffset.lastConsumed(STREAM + partition));
            }
            if (readable.isEmpty() || inFlight.size() >= MAX_IN_FLIGHT) {
                sleep(100);
                continue;
            }
            try {
                if (connection == null) {
                    connection = redis.blockingConnection(BLOCK.plus(SharedState.COMMAND_TIMEOUT));
                }
                List<StreamMessage<String, String>> messages = connection.sync().xreadgroup(Consumer.from(GROUP, replica),
                        XReadArgs.Builder.block(BLOCK).count(BATCH), readable.toArray(StreamOffset[]::new));
                redis.answered();
                for (StreamMessage<String, String> message : messages) {
                    hand(Integer.parseInt(message.getStream().substring(STREAM.length())), message);
                }
            } catch (RedisCommandExecutionException e) {
                if (SharedState.isNoGroup(e)) { // Redis lost its data (a restart without persistence)
                    readable.forEach(offset -> createGroup(offset.getName()));
                } else {
                    log.error("reading the shared queue failed: {}", SharedState.describe(e));
                    sleep(1000);
                }
            } catch (RedisException e) {
                if (running) {
                    redis.failed(e);
                    sleep(500);
                }
            } catch (UncheckedIOException e) {
                sleep(500);
            } catch (RuntimeException e) {
                log.error("reading the shared queue failed", e);
                sleep(1000);
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** Hands an entry to the bot unless it is in flight already; false when it was. */
    private boolean hand(int partition, StreamMessage<String, String> message) {
        String entry = message.getId();
        if (inFlight.putIfAbsent(partition + "/" + entry, partition) != null) {
            return false;
        }
        Update update;
        try {
            update = json.readValue(message.getBody().get("update"), Update.class);
        } catch (IOException | IllegalArgumentException e) {
            log.error("entry {} of the shared queue is not a Telegram update; dropping it", entry);
            answered(new Answered(partition, entry, 0));
            return false;
        }
        handler.accept(update, () -> answered(new Answered(partition, entry, update.getUpdateId())));
        return true;
    }

    private void answered(Answered done) {
        try {
            redis.eval(DONE, ScriptOutputType.INTEGER, new String[] {STREAM + done.partition(), SEEN + done.updateId()},
                    GROUP, done.entry(), String.valueOf(SEEN_FOR.toSeconds()));
            inFlight.remove(done.partition() + "/" + done.entry());
        } catch (UncheckedIOException e) {
            unacknowledged.add(done); // sent again at the next heartbeat once Redis answers
        }
    }

    private void acknowledgeAgain() {
        for (int left = unacknowledged.size(); left > 0; left--) {
            Answered done = unacknowledged.poll();
            if (done == null) {
                return;
            }
            answered(done);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- stopping

    @Override
    public void stop() {
        running = false;
        Thread current = reader;
        if (current != null) {
            try {
                current.join(BLOCK.plus(SharedState.COMMAND_TIMEOUT).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeat.shutdownNow();
    }

    /** Gives up every lease and leaves the replicas, so that the others take over at once rather than after claim-after. */
    @Override
    public void close() {
        stop();
        try {
            acknowledgeAgain();
            if (poller) {
                polling.release();
            }
            partitions.leave();
        } catch (UncheckedIOException e) {
            log.warn("could not hand this replica's work over at once ({}): the others take it over after"
                    + " state.claim-after", e.getMessage());
        }
    }
}
