package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryBackOffTest {

    @Test
    void doublesUpToHalfAMinuteAndNeverGivesUp() {
        RetryBackOff backOff = new RetryBackOff();

        assertThat(backOff.nextBackOffMillis()).isEqualTo(500);
        assertThat(backOff.nextBackOffMillis()).isEqualTo(1000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(backOff.nextBackOffMillis()).isBetween(1L, 30_000L);
        }
        backOff.reset();
        assertThat(backOff.nextBackOffMillis()).isEqualTo(500);
    }
}
