package com.ccabot.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures replicas sharing one Redis, each a fresh JVM as a user starts it, for one and for two replicas:
 * answers per second through Telegram webhooks against a stand-in Bot API (Telegram's thirty messages a second
 * bound it), answers per second through {@code /api/ask} (what the replicas can compute), and the Redis commands per
 * question (from Redis' own count). The answer cache is off, so that every question is composed. It starts its own
 * redis-server.
 */
public final class ReplicaBenchmark {

    private static final String TOKEN = "123456789:AAbenchmarkTokenAbcdefghij0123456789";
    private static final String SECRET = "bench-secret";
    private static final String WEBHOOK_PATH = "/telegram/updates";
    private static final Duration READY = Duration.ofMinutes(3);
    private static final int TELEGRAM_QUESTIONS = 600;
    private static final Duration API_WARM_UP = Duration.ofSeconds(5);
    private static final Duration API_RUN = Duration.ofSeconds(10);
    private static final int API_CLIENTS_PER_REPLICA = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> questions;
    private final PrintStream out;
    private final List<String> childArguments;
    private final Duration llmLatency;

    /**
     * @param childArguments options every replica is started with (the settings file, the knowledge folder…)
     * @param llmLatency     null to answer offline (the configured backend); otherwise the replicas answer with the
     *                       openai backend from a stand-in model that takes this long for every answer
     */
    public ReplicaBenchmark(List<String> questions, PrintStream out, List<String> childArguments, Duration llmLatency) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one question");
        }
        this.questions = List.copyOf(questions);
        this.out = out;
        this.childArguments = List.copyOf(childArguments);
        this.llmLatency = llmLatency;
    }

    /** Runs the measurements for one replica, then two, and prints a line for each. */
    public void run() throws IOException, InterruptedException {
        Path redisServer = redisServer().orElseThrow(() -> new IllegalStateException(
                "bench --replicas starts its own redis-server, which is not installed: apt-get install redis-server"));
        out.printf("%-9s %-22s %-26s %s%n", "replicas", "telegram answers/s", "/api/ask answers/s uncached",
                "redis commands/question");
        for (int replicas = 1; replicas <= 2; replicas++) {
            int port = freePort();
            Process redis = new ProcessBuilder(redisServer.toString(), "--port", String.valueOf(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            List<Replica> started = new ArrayList<>();
            LlmStandIn llm = llmLatency == null ? null : LlmStandIn.start(llmLatency);
            try (BotApiStandIn api = BotApiStandIn.start()) {
                awaitRedis(port);
                List<String> arguments = new ArrayList<>(childArguments);
                // no answer cache: every question is composed (by the model, with one), as new questions are
                arguments.addAll(List.of("--set", "cache.maximum-size=0"));
                if (llm != null) {
                    arguments.addAll(List.of("--backend", "openai", "--set", "llm.base-url=" + llm.url(),
                            "--set", "llm.model=stand-in"));
                }
                for (int i = 0; i < replicas; i++) {
                    started.add(Replica.start(api.url(), "redis://127.0.0.1:" + port, arguments));
                }
                for (Replica replica : started) {
                    replica.awaitReady();
                }
                awaitPartitionsShared(started);
                Map<String, Long> before = redisCommands(port);
                double sentBefore = sentCommands(started);
                double telegram = telegram(api, started);
                Map<String, Long> after = redisCommands(port);
                double sent = sentCommands(started) - sentBefore;
                double uncached = uncached(started);
                long total = 0;
                StringBuilder perCommand = new StringBuilder();
                List<Map.Entry<String, Long>> used = new ArrayList<>();
                for (Map.Entry<String, Long> command : after.entrySet()) {
                    long calls = command.getValue() - before.getOrDefault(command.getKey(), 0L);
                    if (calls > 0) {
                        used.add(Map.entry(command.getKey(), calls));
                        total += calls;
                    }
                }
                used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
                for (Map.Entry<String, Long> command : used) {
                    perCommand.append(String.format(" %s %.1f", command.getKey(),
                            command.getValue() / (double) TELEGRAM_QUESTIONS));
                }
                out.printf("%-9d %-22.1f %-26.1f %-5.1f (%.1f sent by the replicas; run by Redis: %s)%n", replicas,
                        telegram, uncached, total / (double) TELEGRAM_QUESTIONS, sent / TELEGRAM_QUESTIONS,
                        perCommand.toString().strip());
                if (llm != null) {
                    out.printf("          model calls %.0f, failures %.0f, offline stand-ins %.0f, declined unasked %.0f%n",
                            sum(started, "cca_llm_calls_total"), sum(started, "cca_llm_failures_total"),
                            sum(started, "cca_llm_fallbacks_total"),
                            sum(started, "cca_questions_total") - sum(started, "cca_llm_calls_total"));
                }
            } finally {
                if (llm != null) {
                    llm.close();
                }
                started.forEach(Replica::stop);
                redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (llmLatency != null) {
            out.println("(answers written by a stand-in LLM that takes " + llmLatency.toMillis() + " ms for each)");
        }
        out.println("(telegram: " + TELEGRAM_QUESTIONS + " questions from as many private chats posted as webhooks to"
                + " the replicas in turn; /api/ask: " + API_CLIENTS_PER_REPLICA
                + " clients a replica for " + API_RUN.toSeconds() + " s after " + API_WARM_UP.toSeconds()
                + " s of warm-up; the answer cache off, so every question is composed; redis commands: all Redis ran during"
                + " the telegram run, those in scripts included, heartbeats and leases too)");
    }

    /** Posts the questions as webhooks to the replicas in turn; answers a second until the last reply was sent. */
    private double telegram(BotApiStandIn api, List<Replica> replicas) throws InterruptedException {
        int sentBefore = api.messages();
        ExecutorService posting = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> posted = new ArrayList<>();
        for (int i = 0; i < TELEGRAM_QUESTIONS; i++) {
            int n = i;
            posted.add(posting.submit(() -> replicas.get(n % replicas.size()).post(update(n))));
        }
        for (Future<?> post : posted) {
            try {
                post.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a webhook post failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        posting.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (api.messages() - sentBefore < TELEGRAM_QUESTIONS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (api.messages() - sentBefore) + " of " + TELEGRAM_QUESTIONS
                        + " questions answered within 5 minutes");
            }
            Thread.sleep(5);
        }
        return TELEGRAM_QUESTIONS / ((System.nanoTime() - start) / 1e9);
    }

    private String update(int n) {
        long user = 1_000_000L + n;
        String text = questions.get(n % questions.size()).replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"update_id\":" + (n + 1) + ",\"message\":{\"message_id\":" + (n + 1) + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"from\":{\"id\":" + user
                + ",\"is_bot\":false,\"first_name\":\"Asker\"},\"text\":\"" + text + "\"}}";
    }

    /** Asks through /api/ask from a few clients a replica, each question new to the cache; answers a second. */
    private double uncached(List<Replica> replicas) throws InterruptedException {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        int clients = API_CLIENTS_PER_REPLICA * replicas.size();
        ExecutorService asking = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        long measureFrom = begin + API_WARM_UP.toNanos(); // fresh JVMs: the JIT compiles the answer path first
        long deadline = measureFrom + API_RUN.toNanos();
        for (int c = 0; c < clients; c++) {
            Replica replica = replicas.get(c % replicas.size());
            asking.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int n = next.getAndIncrement();
                    replica.ask(questions.get(n % questions.size()));
                    if (System.nanoTime() >= measureFrom) {
                        answered.incrementAndGet();
                    }
                }
                return null;
            });
        }
        asking.shutdown();
        asking.awaitTermination(API_WARM_UP.plus(API_RUN).toSeconds() + 60, TimeUnit.SECONDS);
        return answered.get() / ((System.nanoTime() - measureFrom) / 1e9);
    }

    private static void awaitPartitionsShared(List<Replica> replicas) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int share = 16 / replicas.size();
        while (!replicas.stream().allMatch(replica -> replica.metric("cca_state_partitions") == share)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replicas did not share the queue's partitions out within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static double sum(List<Replica> replicas, String meter) {
        return replicas.stream().mapToDouble(replica -> replica.metric(meter)).sum();
    }

    /** The commands the replicas sent Redis so far, each script one (Lettuce's own count). */
    private static double sentCommands(List<Replica> replicas) {
        return replicas.stream().mapToDouble(replica -> replica.metric("lettuce_command_completion_seconds_count")).sum();
    }

    /** How often Redis ran each command so far, those run by scripts included (INFO commandstats). */
    private static Map<String, Long> redisCommands(int port) {
        Map<String, Long> calls = new HashMap<>();
        Matcher matcher = Pattern.compile("cmdstat_([a-z|_-]+):calls=(\\d+)").matcher(redis(port, "INFO", "commandstats"));
        while (matcher.find()) {
            if (!matcher.group(1).equals("info")) { // the benchmark's own look
                calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
        }
        return calls;
    }

    private static void awaitRedis(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (redis(port, "PING").startsWith("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not answer on port " + port, e);
                }
            }
            Thread.sleep(20);
        }
    }

    /** One command in Redis' protocol; the raw reply. */
    private static String redis(int port, String... words) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
            for (String word : words) {
                request.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> redisServer() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One replica: a child JVM running the bot on webhooks, with its HTTP server on a port of its own. */
    private record Replica(Process process, int port, Path log) {

        static Replica start(String api, String redis, List<String> arguments) throws IOException {
            int port = freePort();
            Path log = Files.createTempFile("cca-bench-replica", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(new HashMap<>(Map.of(
                    "TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_WEBHOOK_SECRET", SECRET,
                    "CCA_TELEGRAM_API_URL", api,
                    "CCA_TELEGRAM_MODE", "webhook",
                    "CCA_TELEGRAM_WEBHOOK_URL", "https://bench.invalid" + WEBHOOK_PATH,
                    "CCA_TELEGRAM_RATE_BURST", "100",
                    "CCA_TELEGRAM_STATE_DIR", Files.createTempDirectory("cca-bench-state").toString(),
                    "CCA_SERVER_PORT", String.valueOf(port),
                    "CCA_STATE_REDIS_URL", redis)));
            env.put("CCA_STATE_CLAIM_AFTER", "3s");
            env.put("CCA_KNOWLEDGE_WATCH", "false");
            env.put("CCA_LOG_LEVEL", "warn");
            return new Replica(builder.start(), port, log);
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + READY.toNanos();
            while (status("/health/ready") != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("a replica did not get ready; its log:\n" + logText());
                }
                Thread.sleep(100);
            }
        }

        void post(String update) {
            send(HttpRequest.newBuilder(uri(WEBHOOK_PATH)).header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build());
        }

        void ask(String question) {
            String body = "{\"question\": \"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            send(HttpRequest.newBuilder(uri("/api/ask")).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /** A meter's value, summed over its tags. */
        double metric(String name) {
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                    .matcher(get("/metrics"));
            double sum = 0;
            while (matcher.find()) {
                sum += Double.parseDouble(matcher.group(2));
            }
            return sum;
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private int status(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }

        private String get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).build());
        }

        private String send(HttpRequest request) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }
    }
}
