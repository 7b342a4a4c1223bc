package com.ccabot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.chat.AskerLimits.Decision;
import org.junit.jupiter.api.Test;

class AskerLimitsTest {

    @Test
    void allowsABurstThenNotifiesOnceThenStaysQuiet() {
        AskerLimits limits = new AskerLimits(1, 3);

        assertThat(limits.check(1)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(1)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(1)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(1)).isEqualTo(Decision.NOTIFY);
        assertThat(limits.check(1)).isEqualTo(Decision.IGNORE);
        assertThat(limits.check(1)).isEqualTo(Decision.IGNORE);
    }

    @Test
    void countsEachAskerSeparately() {
        AskerLimits limits = new AskerLimits(1, 1);

        assertThat(limits.check(1)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(2)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(1)).isEqualTo(Decision.NOTIFY);
    }

    @Test
    void notifiesAgainAfterTheAskerWasAllowedOnceMore() throws Exception {
        AskerLimits limits = new AskerLimits(600, 1); // a token every 100 ms

        assertThat(limits.check(1)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(1)).isEqualTo(Decision.NOTIFY);
        Thread.sleep(150);
        assertThat(limits.check(1)).isEqualTo(Decision.ANSWER);
        assertThat(limits.check(1)).isEqualTo(Decision.NOTIFY);
    }
}
