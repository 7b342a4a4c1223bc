package com.ccabot.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server for a test, on a free port of 127.0.0.1, keeping nothing on disk ({@code --save ""
 * --appendonly no}); a test that needs one is skipped, saying so, where redis-server is not installed.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *   // state.redis-url = redis.url()
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(10);

    private final Path binary;
    private final int port;
    private Process process;

    private RedisServer(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Starts redis-server, or skips the calling test when it is not installed. */
    public static RedisServer start() {
        Optional<Path> binary = binary();
        Assumptions.assumeTrue(binary.isPresent(), "redis-server is not installed (on Debian: apt-get install"
                + " redis-server; .ci/run installs it): the tests of shared state need a real Redis");
        RedisServer server = new RedisServer(binary.get(), freePort());
        server.startProcess();
        return server;
    }

    /** redis-server on the PATH or in the usual places, if installed. */
    public static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/bin", "/usr/sbin",
                        "/usr/local/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server at once, as a crash or a lost host would: connections drop, and everything in it is gone. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts it again on the same port, empty. */
    public void restart() {
        stop();
        startProcess();
    }

    /** Sends one command and returns Redis' reply as text (the RESP reply, for tests to read). */
    public String command(String... words) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
            for (String word : words) {
                request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server on port " + port + " did not answer", e);
        }
    }

    /** A number in Redis' INFO, such as {@code total_commands_processed}. */
    public long info(String field) {
        for (String line : command("INFO", "all").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).strip());
            }
        }
        throw new IllegalArgumentException("Redis' INFO has no " + field);
    }

    @Override
    public void close() {
        stop();
    }

    private void startProcess() {
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (IOException | UncheckedIOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with " + process.exitValue() + " on port " + port);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(binary + " did not answer on port " + port + " within " + START);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
