package com.ccabot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.answer.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerStatsTest {

    @Test
    void countsQuestionsAndDeclinesAndTakesPercentilesOfTheRecentLatencies() {
        AnswerStats stats = new AnswerStats();
        assertThat(stats.latencyPercentile(50)).isZero();

        for (int i = 1; i <= 1500; i++) {
            stats.record(new Answer("q", "a", i % 3 != 0, List.of(), "extractive", false, false, i));
        }

        assertThat(stats.questions()).isEqualTo(1500);
        assertThat(stats.declined()).isEqualTo(500);
        assertThat(stats.recent()).isEqualTo(1000);
        // only the last thousand (501 to 1500) count
        assertThat(stats.latencyPercentile(50)).isEqualTo(1000);
        assertThat(stats.latencyPercentile(95)).isEqualTo(1450);
    }
}
