package com.ccabot.telegram;

import com.ccabot.cache.CacheFigures;
import com.ccabot.chat.AnswerStats;
import java.time.Duration;
import java.time.Instant;

/** What the bot has done since it started, for the admins' {@code /stats}: read from the meters /metrics exports. */
final class BotStats {

    private final Instant started = Instant.now();
    private final AnswerStats answers;
    private final TelegramMeters meters;

    BotStats(AnswerStats answers, TelegramMeters meters) {
        this.answers = answers;
        this.meters = meters;
    }

    String format(CacheFigures cache) {
        Duration uptime = Duration.between(started, Instant.now());
        return """
                <b>Since start</b> (up %dd %dh %dm)
                questions: %d, declined: %d, rate-limited: %d
                latency of the last 10 min: p50 %.1f ms, p95 %.1f ms
                cache: %d hits, %d misses, hit rate %.0f%%, %d answers kept""".formatted(
                uptime.toDays(), uptime.toHoursPart(), uptime.toMinutesPart(), answers.questions(), answers.declined(),
                meters.rateLimitedCount(), answers.latencyPercentile(50), answers.latencyPercentile(95),
                cache.hits(), cache.misses(), 100 * cache.hitRate(), cache.size());
    }
}
