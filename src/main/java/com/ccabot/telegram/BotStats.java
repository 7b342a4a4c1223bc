package com.ccabot.telegram;

import com.ccabot.answer.Answer;
import com.ccabot.cache.CacheFigures;
import com.ccabot.eval.EvalReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** What the bot has done since it started, for the admins' {@code /stats}. Thread-safe. */
final class BotStats {

    private static final int RECENT = 1000;

    private final Instant started = Instant.now();
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final double[] latencies = new double[RECENT];

    void record(Answer answer) {
        long n = questions.incrementAndGet();
        if (!answer.answered()) {
            declined.incrementAndGet();
        }
        synchronized (latencies) {
            latencies[(int) ((n - 1) % RECENT)] = answer.latencyMs();
        }
    }

    void rateLimited() {
        limited.incrementAndGet();
    }

    String format(CacheFigures cache) {
        long n = questions.get();
        double[] recent;
        synchronized (latencies) {
            recent = Arrays.copyOf(latencies, (int) Math.min(n, RECENT));
        }
        Arrays.sort(recent);
        Duration uptime = Duration.between(started, Instant.now());
        return """
                <b>Since start</b> (up %dd %dh %dm)
                questions: %d, declined: %d, rate-limited: %d
                latency: p50 %.1f ms, p95 %.1f ms (last %d)
                cache: %d hits, %d misses, hit rate %.0f%%, %d answers kept""".formatted(
                uptime.toDays(), uptime.toHoursPart(), uptime.toMinutesPart(), n, declined.get(), limited.get(),
                EvalReport.percentile(recent, 50), EvalReport.percentile(recent, 95), recent.length,
                cache.hits(), cache.misses(), 100 * cache.hitRate(), cache.size());
    }
}
