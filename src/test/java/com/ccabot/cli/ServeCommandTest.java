package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cca-bot serve} in a child JVM, as an operator runs it: probed, asked, scraped, then stopped. */
class ServeCommandTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void servesTheApiHealthAndMetricsUntilStopped() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = start("serve", "--set", "server.port=" + port);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(process, base + "/health/ready");
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"question\": \"Where was the second China-Central Asia Summit held?\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Astana", "\"answered\":true");
            String metrics = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("cca_questions_total{", "outcome=\"answered\"", "jvm_memory_used_bytes");
        } finally {
            process.destroy(); // SIGTERM, as a service manager stops it
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(Files.readString(work.resolve("stderr.txt"))).doesNotContain("Exception");
    }

    @Test
    void answersWithoutTheRedisItWasGiven() throws Exception {
        int port;
        int redis;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket nothing = new ServerSocket(0)) {
            port = socket.getLocalPort();
            redis = nothing.getLocalPort(); // closed again below: nothing listens there
        }
        Process process = start("serve", "--set", "server.port=" + port, "--set",
                "state.redis-url=redis://127.0.0.1:" + redis);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(process, base + "/health/ready");
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Where was the second China-Central"
                            + " Asia Summit held?\", \"conversation\": \"c\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("Astana", "\"answered\":true");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        String log = Files.readString(work.resolve("stderr.txt"));
        assertThat(log.split("does not answer", -1)).as("one warning about Redis:\n%s", log).hasSize(2);
        assertThat(log).doesNotContain("Exception");
    }

    @Test
    void serveWithTheServerTurnedOffSaysWhichSettingToChange() throws Exception {
        Process process = start("serve", "--set", "server.port=0");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(work.resolve("stderr.txt"))).contains("server.port");
    }

    private Process start(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--set", "index.cache-dir=target/test-cache", "--knowledge", "src/test/resources/knowledge"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().remove("SERVER_API_TOKEN");
        return builder.start();
    }

    private void awaitReady(Process process, String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("serve is running; stderr: %s",
                    Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8)).isTrue();
            try {
                if (CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notListeningYet) {
                // the server starts first thing; until then the port is closed
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 120 s");
    }
}
