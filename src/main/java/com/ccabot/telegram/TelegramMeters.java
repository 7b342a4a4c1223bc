package com.ccabot.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.function.Supplier;

/** What the Telegram transport counts: updates taken, replies sent, retries, 429s, rate-limit notices, work waiting. */
final class TelegramMeters {

    private final MeterRegistry registry;
    private final Counter updates;
    private final Counter replies;
    private final Counter retries;
    private final Counter throttled;
    private final Counter limited;

    TelegramMeters(MeterRegistry registry) {
        this.registry = registry;
        this.updates = Counter.builder("cca.telegram.updates").description("Updates received from Telegram")
                .register(registry);
        this.replies = Counter.builder("cca.telegram.replies").description("Messages sent to Telegram")
                .register(registry);
        this.retries = Counter.builder("cca.telegram.retries")
                .description("Bot API calls tried again after a 429, a server error or a lost connection").register(registry);
        this.throttled = Counter.builder("cca.telegram.throttled")
                .description("429 Too Many Requests answers from the Bot API").register(registry);
        this.limited = Counter.builder("cca.telegram.rate.limited")
                .description("Questions turned away with a notice because the asker asked too often").register(registry);
    }

    static TelegramMeters none() {
        return new TelegramMeters(new CompositeMeterRegistry());
    }

    /** Counts the updates taken but not yet answered, read when scraped. */
    void queueDepth(Supplier<Number> pending) {
        Gauge.builder("cca.telegram.queue.depth", pending).strongReference(true)
                .description("Updates taken from Telegram and not yet answered").register(registry);
    }

    void updateReceived() {
        updates.increment();
    }

    void replySent() {
        replies.increment();
    }

    void retried() {
        retries.increment();
    }

    void throttled() {
        throttled.increment();
    }

    void rateLimited() {
        limited.increment();
    }

    long rateLimitedCount() {
        return Math.round(limited.count());
    }
}
