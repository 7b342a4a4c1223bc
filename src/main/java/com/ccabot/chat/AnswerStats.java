package com.ccabot.chat;

import com.ccabot.ask.AnswerMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.concurrent.TimeUnit;

/**
 * How many questions were answered and declined, and how fast the recent ones were, for {@code :stats} and
 * {@code /stats}: read from the same meters {@code /metrics} exports, so every view agrees.
 */
public final class AnswerStats {

    private final MeterRegistry registry;

    public AnswerStats(MeterRegistry registry) {
        this.registry = registry;
    }

    public long questions() {
        return count(null);
    }

    public long declined() {
        return count("declined");
    }

    private long count(String outcome) {
        var search = registry.find(AnswerMeters.QUESTIONS);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return Math.round(search.counters().stream().mapToDouble(Counter::count).sum());
    }

    /** A percentile (50, 95 or 99) of the latencies of the last minutes in milliseconds; 0 before the first question. */
    public double latencyPercentile(double p) {
        Timer timer = registry.find(AnswerMeters.ANSWER_LATENCY).timer();
        if (timer == null) {
            return 0;
        }
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (Math.abs(value.percentile() * 100 - p) < 1e-9) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalArgumentException("no " + p + "th percentile is kept");
    }
}
