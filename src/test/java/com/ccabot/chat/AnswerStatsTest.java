package com.ccabot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ccabot.answer.Answer;
import com.ccabot.ask.AnswerMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerStatsTest {

    @Test
    void readsQuestionsDeclinesAndLatencyPercentilesFromTheMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AnswerStats stats = new AnswerStats(registry);
        assertThat(stats.questions()).isZero();
        assertThat(stats.latencyPercentile(50)).isZero();

        AnswerMeters meters = new AnswerMeters(registry);
        for (int i = 1; i <= 1500; i++) {
            boolean answered = i % 3 != 0;
            meters.record(new Answer("q", "a", answered, List.of(), "extractive", false, false, i),
                    answered ? AnswerMeters.Reason.ANSWERED : i % 2 == 0 ? AnswerMeters.Reason.REFUSED
                            : AnswerMeters.Reason.NOT_COVERED);
        }

        assertThat(stats.questions()).isEqualTo(1500);
        assertThat(stats.declined()).isEqualTo(500);
        // Micrometer's percentiles are approximate (histogram buckets): within a few per cent
        assertThat(stats.latencyPercentile(50)).isCloseTo(750, within(40.0));
        assertThat(stats.latencyPercentile(95)).isCloseTo(1425, within(75.0));
    }
}
