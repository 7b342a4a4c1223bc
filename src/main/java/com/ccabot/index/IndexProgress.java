package com.ccabot.index;

import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long indexing: a bar redrawn in place on a terminal (articles, chunks/s, ETA), a log line every
 * few seconds otherwise. Short runs say nothing.
 */
final class IndexProgress {

    private static final Logger log = LoggerFactory.getLogger(IndexProgress.class);
    /** Fewer chunks than this index in seconds: no progress is shown. */
    private static final int WORTH_SHOWING = 500;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final int BAR = 30;

    private final PrintStream terminal;
    private final boolean enabled;
    private int articles;
    private int chunks;
    private int articlesDone;
    private int chunksDone;
    private long started;
    private long lastShown;
    private boolean showing;

    /** @param terminal where to draw a bar, or null to log lines instead */
    IndexProgress(PrintStream terminal) {
        this(terminal, true);
    }

    private IndexProgress(PrintStream terminal, boolean enabled) {
        this.terminal = terminal;
        this.enabled = enabled;
    }

    /** Progress on stderr: a bar when stderr is a terminal, log lines when it is a file or a pipe. */
    static IndexProgress onStderr() {
        return new IndexProgress(System.console() != null ? System.err : null);
    }

    /** No progress at all. */
    static IndexProgress none() {
        return new IndexProgress(null, false);
    }

    void start(int articles, int chunks) {
        this.articles = articles;
        this.chunks = chunks;
        this.started = System.nanoTime();
        this.lastShown = started;
        this.showing = enabled && chunks >= WORTH_SHOWING;
        if (showing) {
            log.info("indexing {} articles ({} chunks)", articles, chunks);
        }
    }

    void done(int articles, int chunks) {
        articlesDone += articles;
        chunksDone += chunks;
        if (!showing) {
            return;
        }
        long now = System.nanoTime();
        if (terminal != null) {
            terminal.print("\r" + line());
            terminal.flush();
        } else if (now - lastShown >= LOG_EVERY.toNanos()) {
            log.info("indexing: {}", line());
            lastShown = now;
        }
    }

    void finish() {
        if (showing && terminal != null) {
            terminal.print("\r" + line() + System.lineSeparator());
            terminal.flush();
        }
    }

    /** "[#####.....] 1,200/20,000 articles, 6,000/100,000 chunks, 95 chunks/s, ETA 16m 30s" */
    String line() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = chunksDone / seconds;
        int filled = chunks == 0 ? BAR : (int) ((long) BAR * chunksDone / chunks);
        long eta = rate <= 0 ? 0 : Math.round((chunks - chunksDone) / rate);
        return "[%s%s] %,d/%,d articles, %,d/%,d chunks, %.0f chunks/s, ETA %dm %02ds".formatted("#".repeat(filled),
                ".".repeat(BAR - filled), articlesDone, articles, chunksDone, chunks, rate, eta / 60, eta % 60);
    }
}
