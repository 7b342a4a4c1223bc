package com.ccabot.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.TestPipeline;
import com.ccabot.chat.AnswerStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleChatTest {

    @Test
    void readsPipedLinesAndPrintsAnswersSourcesAndStatsWithoutPrompts() {
        // :stats reads the process's meters, which the other tests of this JVM have moved too
        long before = new AnswerStats(TestPipeline.app().meters()).questions();
        String output = chat(":sources\nWhere was the second China-Central Asia Summit held?\n\n:stats\n:quit\nignored after quit\n");

        assertThat(output).contains("I answer from 5 articles:", "Astana", "[1]", "Sources:", "questions: " + (before + 1), "cache:");
        assertThat(output).doesNotContain("you>", "ignored after quit");
    }

    @Test
    void reloadsByHandAndSaysWhatChanged() {
        assertThat(chat(":reload\n")).contains("Reloaded (0 added, 0 changed, 0 removed): 5 articles, ");
    }

    @Test
    void answersHostileAndStrangeLinesWithoutFailing() {
        String output = chat("\u0000\u0007\u001b[31m\n" + "y".repeat(10_000) + "\n<script>alert(1)</script>\n:help\n");

        assertThat(output).contains("too long", ":sources", ":quit");
    }

    private static String chat(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ConsoleChat(TestPipeline.app(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), null).run();
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
