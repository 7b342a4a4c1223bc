package com.ccabot.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePrinterTest {

    private final StringBuilder screen = new StringBuilder();
    private final LivePrinter live = new LivePrinter(screen::append);

    @Test
    void printsOnlyWhatIsNewThenTheSources() {
        live.show("Astana ");
        live.show("Astana hosted it ");
        live.show("Astana hosted it [1].");
        String rest = live.finish(answer("Astana hosted it [1]."));

        assertThat(screen.toString()).isEqualTo("Astana hosted it [1].");
        assertThat(rest).startsWith("\n\nSources:").contains("[1] Summit — 2025-06-19, Xinhua").doesNotContain("Astana hosted");
    }

    @Test
    void printsTheCheckedAnswerWhenCheckingChangedIt() {
        live.show("Astana hosted it [1][9].");
        String rest = live.finish(answer("Astana hosted it [1]."));

        assertThat(rest).contains("Checked answer:", "Astana hosted it [1].", "Sources:");
    }

    @Test
    void showsNothingMoreOnceStoppedSoAnAbandonedAnswerStaysOffTheScreen() {
        live.show("Astana ");
        live.stop();
        live.show("Astana hosted it [1].");

        assertThat(screen.toString()).isEqualTo("Astana ");
    }

    @Test
    void printsTheWholeAnswerWhenNothingStreamed() {
        assertThat(live.finish(answer("Astana hosted it [1]."))).startsWith("Astana hosted it [1].").contains("Sources:");
    }

    private static Answer answer(String text) {
        return new Answer("q", text, true, List.of(new Citation(1, "a.md", "Summit", LocalDate.of(2025, 6, 19), "Xinhua",
                null, 0.7, "Astana hosted it.")), "openai", false, false, 1);
    }
}
