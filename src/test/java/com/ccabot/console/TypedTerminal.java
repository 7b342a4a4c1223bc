package com.ccabot.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A JLine terminal that is no TTY: the test types keys into it as a user would (Ctrl-C included, which the
 * terminal's line discipline turns into its INT signal) and waits for what it shows.
 */
final class TypedTerminal implements AutoCloseable {

    static final String CTRL_C = "\u0003";
    static final String CTRL_P = "\u0010";
    private static final Duration WAIT = Duration.ofSeconds(10);

    final Terminal terminal;
    private final PipedOutputStream keys;
    private final Screen screen = new Screen();

    TypedTerminal() throws IOException {
        PipedInputStream in = new PipedInputStream();
        keys = new PipedOutputStream(in);
        terminal = TerminalBuilder.builder().system(false).streams(in, screen).type("ansi")
                .encoding(StandardCharsets.UTF_8).build();
    }

    void type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code text} has been shown {@code times} times in all; returns everything shown. */
    String awaitShown(String text, int times) {
        return screen.await(text, times);
    }

    String shown() {
        return screen.text();
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }

    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized String await(String text, int times) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (count(text(), text) < times) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + times + "× " + text.strip()
                            + " in what the terminal showed:\n" + text());
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return text();
        }

        private static int count(String shown, String text) {
            int n = 0;
            for (int at = shown.indexOf(text); at >= 0; at = shown.indexOf(text, at + text.length())) {
                n++;
            }
            return n;
        }
    }
}
