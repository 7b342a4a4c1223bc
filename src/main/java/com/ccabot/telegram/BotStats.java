package com.ccabot.telegram;

import com.ccabot.answer.Answer;
import com.ccabot.cache.CacheFigures;
import com.ccabot.chat.AnswerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the bot has done since it started, for the admins' {@code /stats}. Thread-safe. */
final class BotStats {

    private final Instant started = Instant.now();
    private final AnswerStats answers = new AnswerStats();
    private final AtomicLong limited = new AtomicLong();

    void record(Answer answer) {
        answers.record(answer);
    }

    void rateLimited() {
        limited.incrementAndGet();
    }

    String format(CacheFigures cache) {
        Duration uptime = Duration.between(started, Instant.now());
        return """
                <b>Since start</b> (up %dd %dh %dm)
                questions: %d, declined: %d, rate-limited: %d
                latency: p50 %.1f ms, p95 %.1f ms (last %d)
                cache: %d hits, %d misses, hit rate %.0f%%, %d answers kept""".formatted(
                uptime.toDays(), uptime.toHoursPart(), uptime.toMinutesPart(), answers.questions(), answers.declined(),
                limited.get(), answers.latencyPercentile(50), answers.latencyPercentile(95), answers.recent(),
                cache.hits(), cache.misses(), 100 * cache.hitRate(), cache.size());
    }
}
