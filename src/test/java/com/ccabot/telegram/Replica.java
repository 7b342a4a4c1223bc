package com.ccabot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One replica of the bot as a separate process (a child JVM running {@code cca-bot} as a user does), against the fake
 * Bot API and a shared Redis, with its HTTP server on a port of its own: the test posts webhooks to it, reads its
 * health and metrics, and kills it.
 */
final class Replica implements AutoCloseable {

    static final String TOKEN = "777000777:AAHreplicaTestTokenAbcdefghij0123456789";
    static final String SECRET = "replica-Secret_7";
    static final String WEBHOOK_PATH = "/telegram/updates";
    static final Duration CLAIM_AFTER = Duration.ofSeconds(3);
    private static final Duration START = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private Replica(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a replica and waits until it is ready.
     *
     * @param mode  {@code webhook} or {@code polling}
     * @param extra further environment, e.g. rate limits
     */
    static Replica start(String name, String mode, String apiUrl, String redisUrl, Path logs, Map<String, String> extra)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx400m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "com.ccabot.cli.Main")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("CCA_TELEGRAM_API_URL", apiUrl);
        env.put("CCA_TELEGRAM_MODE", mode);
        if (mode.equals("webhook")) {
            env.put("CCA_TELEGRAM_WEBHOOK_URL", "https://bot.example.org" + WEBHOOK_PATH);
            env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        }
        env.put("CCA_STATE_REDIS_URL", redisUrl);
        env.put("CCA_STATE_CLAIM_AFTER", CLAIM_AFTER.toSeconds() + "s");
        env.put("CCA_TELEGRAM_STATE_DIR", Files.createTempDirectory("cca-replica-" + name).toString());
        env.put("CCA_TELEGRAM_DRAIN_TIMEOUT", "3s");
        env.put("CCA_SERVER_PORT", String.valueOf(port));
        env.put("CCA_KNOWLEDGE_DIR", "src/test/resources/knowledge");
        env.put("CCA_KNOWLEDGE_WATCH", "false");
        env.put("CCA_INDEX_CACHE_DIR", "target/test-cache");
        env.putAll(extra);
        Replica replica = new Replica(name, builder.start(), port, log);
        replica.awaitReady(START);
        return replica;
    }

    /** Waits until {@code /health/ready} answers 200. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ready() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("replica " + name + " exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replica " + name + " not ready within " + timeout + ":\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** The status of {@code GET /health/ready}, or 0 when nothing answers. */
    int ready() throws InterruptedException {
        try {
            return get("/health/ready").statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts an update as Telegram does, with the secret; returns the status. */
    int postUpdate(String update) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Asks through {@code POST /api/ask}; returns the JSON answer. */
    String ask(String question, String conversation) throws IOException, InterruptedException {
        String body = "{\"question\": \"" + question + "\", \"conversation\": \"" + conversation + "\"}";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A meter's value in {@code /metrics}, summed over its tags; 0 when absent. */
    double metric(String name) throws IOException, InterruptedException {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                .matcher(get("/metrics").body());
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(2));
        }
        return sum;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no lease given back, its work in flight left pending. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, and waits for the clean stop. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
