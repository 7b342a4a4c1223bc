package com.ccabot.state;

import com.ccabot.answer.Conversations;
import com.ccabot.cache.AnswerCache;
import com.ccabot.config.Config.StateSettings;
import com.ccabot.telegram.TelegramState;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state several replicas of one bot share in Redis (Lettuce): the one entry point to everything kept there —
 * Telegram's work queue and polling lease, the token buckets of the limits, conversations, cached answers, and the
 * word that one replica reloaded its knowledge. It connects in the background and keeps checking that Redis answers
 * ({@link #listen}): a replica starts while Redis is away, and is ready once it answers. Nothing it says names the
 * password.
 */
public final class SharedState implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedState.class);

    /** How long one command may wait for Redis before it counts as unanswered. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final String RELOAD_CHANNEL = "cca:reload";

    private final RedisClient client;
    private final RedisURI uri;
    private final String address;
    private final StateSettings settings;
    private final String replica;
    private final RedisHealth health;
    private final ExecutorService background;
    private volatile Connections connections;
    private volatile Runnable onReloadElsewhere;
    private volatile boolean closed;

    /** The connections of one Redis session: commands, the token buckets' bytes, and reload news. */
    private record Connections(StatefulRedisConnection<String, String> commands,
                               StatefulRedisConnection<String, byte[]> bytes,
                               StatefulRedisPubSubConnection<String, String> news) {
        void close() {
            commands.close();
            bytes.close();
            news.close();
        }
    }

    private SharedState(RedisClient client, RedisURI uri, String address, StateSettings settings, String replica) {
        this.client = client;
        this.uri = uri;
        this.address = address;
        this.settings = settings;
        this.replica = replica;
        this.health = new RedisHealth(address);
        this.background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "redis-state");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects to {@code state.redis-url}, with {@code password} (from {@code REDIS_PASSWORD}) when given: at once
     * when Redis answers, in the background until it does. A password Redis refuses stops start-up.
     *
     * @param registry where Redis commands are timed ({@code lettuce_command_*}) and whether it answers is shown
     */
    public static SharedState connect(StateSettings settings, String password, MeterRegistry registry) {
        if (!settings.shared()) {
            throw new IllegalArgumentException("state.redis-url is empty: there is no shared state to connect to");
        }
        RedisURI.Builder builder = RedisURI.builder(RedisURI.create(settings.redisUrl())).withTimeout(COMMAND_TIMEOUT);
        if (password != null) {
            builder.withPassword(password.toCharArray());
        }
        RedisURI uri = builder.build();
        ClientResources resources = ClientResources.builder()
                // back within a second of Redis, not after Lettuce's default back-off of up to 30 s
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()))
                .build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while Redis is away a command fails at once, rather than queueing behind a reconnect
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
        SharedState state = new SharedState(client, uri, masked(settings.redisUrl()), settings, replicaName());
        Gauge.builder("cca.state.redis.up", state.health, health -> health.up() ? 1 : 0)
                .description("Whether Redis, where the replicas share their state, answers (1) or not (0)")
                .register(registry);
        state.tryConnect(true);
        state.background.execute(state::watch);
        return state;
    }

    /** This replica's name in Redis: host, process id and a random part, so that a restarted one is new. */
    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "replica";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Redis URL as messages show it: its user part (a password to Lettuce) replaced by {@code ***}. */
    public static String masked(String url) {
        try {
            String userInfo = new URI(url).getRawUserInfo();
            return userInfo == null ? url : url.replace(userInfo + "@", "***@");
        } catch (java.net.URISyntaxException e) {
            return url.replaceAll("//[^@/]*@", "//***@");
        }
    }

    /** A text with the user part of every URL in it masked, as {@link #masked} does. */
    static String maskedIn(String text) {
        return text.replaceAll("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@", "$1***@");
    }

    /** Tells {@code listener} at once whether Redis answers, and from then on whenever that changes. */
    public void listen(Listener listener) {
        health.listen(listener);
    }

    /** Whether Redis answers now, and if not, why ({@link #reason}). */
    public boolean up() {
        return health.up();
    }

    public String reason() {
        return health.reason();
    }

    /** The masked address of Redis, for messages. */
    public String address() {
        return address;
    }

    public String replica() {
        return replica;
    }

    public Duration claimAfter() {
        return settings.claimAfter();
    }

    // ---------------------------------------------------------------- what is kept in Redis

    /** Conversations every replica reads and adds to, forgotten after {@code forgetAfter} of silence. */
    public Conversations conversations(int maxTurns, Duration forgetAfter) {
        return new RedisConversations(this, maxTurns, forgetAfter);
    }

    /** The answer cache's second level, under Caffeine. */
    public AnswerCache.SecondLevel answers() {
        return new RedisAnswers(this);
    }

    /** Telegram's work queue, polling lease, limits and notes, shared by every replica of the bot. */
    public TelegramState telegram(MeterRegistry registry) {
        return new TelegramState(new RedisInbox(this, registry), new RedisBuckets(this), new RedisNotes(this), true);
    }

    /**
     * Runs {@code reload} whenever another replica says it reloaded its knowledge ({@link #announceReload}), on a
     * thread of its own.
     */
    public void onReloadElsewhere(Runnable reload) {
        this.onReloadElsewhere = reload;
    }

    /** Tells the other replicas that this one reloaded its knowledge, so that they do too. */
    public void announceReload() {
        try {
            call(commands -> commands.publish(RELOAD_CHANNEL, replica));
        } catch (UncheckedIOException e) {
            log.warn("could not tell the other replicas to reload: {}", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- commands

    /**
     * Runs commands; a Redis that does not answer is told to the health check and thrown as an
     * {@link UncheckedIOException} naming its address.
     */
    <T> T call(Function<RedisCommands<String, String>, T> commands) {
        Connections current = connections;
        if (current == null) {
            throw unavailable(health.reason());
        }
        try {
            T result = commands.apply(current.commands().sync());
            health.answered();
            return result;
        } catch (RedisCommandExecutionException e) {
            health.answered(); // Redis answered, with an error: the caller's to handle
            throw e;
        } catch (RedisException e) {
            throw failed(e);
        }
    }

    /** Runs a Lua script by its hash, loading it first when Redis does not know it (after a restart). */
    @SuppressWarnings("unchecked")
    <T> T eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        return call(commands -> {
            try {
                return (T) commands.evalsha(script.sha(), type, keys, args);
            } catch (RedisCommandExecutionException e) {
                if (!isNoScript(e)) {
                    throw e;
                }
                return (T) commands.eval(script.lua(), type, keys, args);
            }
        });
    }

    /** The connection Bucket4j keeps its buckets through, or null while Redis has not been reached. */
    StatefulRedisConnection<String, byte[]> bytes() {
        Connections current = connections;
        return current == null ? null : current.bytes();
    }

    /** A connection of its own for commands that block (reading the work queue), with a longer timeout. */
    StatefulRedisConnection<String, String> blockingConnection(Duration timeout) {
        RedisURI blocking = RedisURI.builder(uri).withTimeout(timeout).build();
        try {
            return client.connect(blocking);
        } catch (RedisException e) {
            throw failed(e);
        }
    }

    /** Reports a command Redis did not answer; returns the exception to throw, naming the address. */
    UncheckedIOException failed(RuntimeException e) {
        String cause = describe(e);
        health.failed(cause);
        return unavailable("Redis at " + address + " does not answer (" + cause + ")");
    }

    void answered() {
        health.answered();
    }

    private static UncheckedIOException unavailable(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    static boolean isNoScript(RedisCommandExecutionException e) {
        return String.valueOf(e.getMessage()).startsWith("NOSCRIPT");
    }

    static boolean isNoGroup(RedisCommandExecutionException e) {
        return String.valueOf(e.getMessage()).startsWith("NOGROUP");
    }

    /** What went wrong, in a few words, without the URL's password (Lettuce's messages name only host and port). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return maskedIn(message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    // ---------------------------------------------------------------- connecting and watching

    /** Connects when not connected, then asks Redis whether it answers; at start, a refused password stops it. */
    private void watch() {
        while (!closed) {
            tryConnect(false);
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void tryConnect(boolean atStart) {
        Connections current = connections;
        if (current != null) {
            try {
                current.commands().sync().ping();
                health.answered();
            } catch (RedisException e) {
                health.failed(describe(e));
            }
            return;
        }
        StatefulRedisConnection<String, String> commands = null;
        StatefulRedisConnection<String, byte[]> bytes = null;
        try {
            commands = client.connect(uri);
            bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri);
            StatefulRedisPubSubConnection<String, String> news = client.connectPubSub(uri);
            try {
                news.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String sender) {
                        reloadNews(sender);
                    }
                });
                news.sync().subscribe(RELOAD_CHANNEL);
            } catch (RedisException e) {
                news.close();
                throw e;
            }
            connections = new Connections(commands, bytes, news);
            health.answered();
        } catch (RedisException e) {
            if (commands != null) {
                commands.close();
            }
            if (bytes != null) {
                bytes.close();
            }
            if (atStart && refusedPassword(e)) {
                client.shutdown();
                throw new IllegalStateException("Redis at " + address + " refused the connection: "
                        + describe(e) + "; check REDIS_PASSWORD (and the user name in state.redis-url)");
            }
            health.failed(describe(e));
        }
    }

    private static boolean refusedPassword(RedisException e) {
        String message = describe(e).toUpperCase(Locale.ROOT);
        return message.contains("WRONGPASS") || message.contains("NOAUTH") || message.contains("INVALID PASSWORD")
                || message.contains("INVALID USERNAME");
    }

    private void reloadNews(String sender) {
        Runnable reload = onReloadElsewhere;
        if (reload == null || replica.equals(sender)) {
            return;
        }
        // not on Lettuce's event loop, which must never wait
        Thread thread = new Thread(() -> {
            log.info("another replica reloaded its knowledge: reloading too");
            reload.run();
        }, "reload-elsewhere");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        try {
            // an attempt to connect still under way ends before the client it uses is shut down
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connections current = connections;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** A Lua script and its SHA-1, by which Redis runs it without sending it again. */
    record Script(String lua, String sha) {
        static Script of(String lua) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                        .digest(lua.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return new Script(lua, java.util.HexFormat.of().formatHex(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every JDK", e);
            }
        }
    }

    /** Told when Redis stops answering (with the reason, for readiness) and when it answers again. */
    public interface Listener {
        void down(String reason);

        void up();
    }
}
