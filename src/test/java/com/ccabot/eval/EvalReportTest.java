package com.ccabot.eval;

import static com.ccabot.eval.EvalFixtures.SOURCE;
import static com.ccabot.eval.EvalFixtures.answerable;
import static com.ccabot.eval.EvalFixtures.answered;
import static com.ccabot.eval.EvalFixtures.declined;
import static com.ccabot.eval.EvalFixtures.result;
import static com.ccabot.eval.EvalFixtures.toDecline;
import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.answer.Declines;
import com.ccabot.cache.CacheFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    private static final CacheFigures CACHE = new CacheFigures(1, 3, 3);
    private static final String GOOD = "It was set up on May 12 in Urumqi [1].";

    @Test
    void printsOneTableForASetWithoutSplits() {
        EvalReport report = new EvalReport(List.of(
                result(answerable("d01", "fact", ""), answered(GOOD, SOURCE), true),
                result(toDecline("r01", "refuse", ""), declined("Sorry."), false)));

        String text = report.format(CACHE);

        assertThat(report.bySplit()).isEmpty();
        assertThat(text).doesNotContain("split");
        assertThat(text.lines().filter(line -> line.startsWith("kind"))).hasSize(1);
        assertThat(text).contains("context recall: 1/1 (100%)", "cache: 1 hits").doesNotContain("failures:");
    }

    @Test
    void printsATablePerSplitAndOneForAllWhenTheSetHasSplits() {
        EvalReport report = new EvalReport(List.of(
                result(answerable("t01", "fact", "train"), answered(GOOD, SOURCE), true),
                result(answerable("v01", "fact", "validation"), declined("Sorry, I can't find that."), false),
                result(answerable("t02", "fact", "train"), answered(GOOD, SOURCE), true),
                result(toDecline("v02", "refuse", "validation"), answered("Plov [1].", SOURCE), false)));

        String text = report.format(CACHE);

        assertThat(report.bySplit()).containsOnlyKeys("train", "validation");
        assertThat(text.lines().filter(line -> line.startsWith("kind"))).hasSize(3);
        assertThat(text).containsSubsequence(
                "split train", "fact", "2/2", "context recall: 2/2 (100%)",
                "split validation", "fact", "0/1", "refuse", "0/1", "context recall: 0/1 (0%)",
                "all splits", "all", "2/4", "context recall: 2/3 (67%)",
                "cache:", "failures:");
    }

    @Test
    void countsFalseAnswersAndFalseDeclinesPerKind() {
        EvalReport report = new EvalReport(List.of(
                result(answerable("d01", "fact", ""), declined("Sorry, I can't find that."), true),
                result(answerable("d02", "fact", ""), answered(GOOD, SOURCE), true),
                result(toDecline("r01", "refuse", ""), answered("Plov [1].", SOURCE), false),
                result(toDecline("r02", "refuse", ""), declined("Sorry."), false)));

        List<String> lines = report.format(CACHE).lines().toList();

        assertThat(lines.get(0)).contains("kind", "passed", "false ans", "false decl", "sources", "length", "p50 ms",
                "p95 ms");
        assertThat(line(lines, "fact").split("\\s+")).startsWith("fact", "1/2", "-", "1/2", "50%");
        assertThat(line(lines, "refuse").split("\\s+")).startsWith("refuse", "1/2", "1/2", "-", "-");
        assertThat(line(lines, "all").split("\\s+")).startsWith("all", "2/4", "1/2", "1/2", "50%");
    }

    @Test
    void namesTheFailingStageOfEachFailureAndTheGatesReason() {
        EvalReport report = new EvalReport(List.of(
                result(answerable("d01", "fact", ""), declined("Sorry, I can't find that."), true),
                result(answerable("d02", "fact", ""), declined("Sorry, I can't find that."), false),
                result(answerable("d03", "fact", ""), answered("On May 12 [1].", SOURCE), true),
                result(answerable("d04", "adversarial", ""), declined(Declines.aboutItself(40)), true)));

        String text = report.format(CACHE);

        assertThat(text).containsSubsequence(
                "d01 [fact]", "stage: gate (verdict: the best passages do not answer it (0.12))",
                "declined a question it should answer",
                "d02 [fact]", "stage: retrieval", "declined a question it should answer",
                "d03 [fact]", "stage: choice", "missing Urumqi",
                "d04 [adversarial]", "stage: refusal", "answer: I can't share");
    }

    private static String line(List<String> lines, String kind) {
        return lines.stream().filter(line -> line.startsWith(kind + " ")).findFirst().orElseThrow();
    }
}
