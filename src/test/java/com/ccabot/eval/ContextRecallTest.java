package com.ccabot.eval;

import static com.ccabot.eval.EvalFixtures.SOURCE;
import static com.ccabot.eval.EvalFixtures.answerable;
import static com.ccabot.eval.EvalFixtures.answered;
import static com.ccabot.eval.EvalFixtures.declined;
import static com.ccabot.eval.EvalFixtures.result;
import static com.ccabot.eval.EvalFixtures.toDecline;
import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.Chunk;
import com.ccabot.retrieval.Passage;
import com.ccabot.retrieval.RelevanceVerdict;
import com.ccabot.retrieval.Retrieval;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextRecallTest {

    private static final EvalQuestion ANSWERABLE = answerable("d01", "fact", "");

    @Test
    void countsTheAnswerableQuestionsWhosePassagesHoldEveryFact() {
        List<EvalResult> results = List.of(
                result(ANSWERABLE, answered("May 12, Urumqi [1]", SOURCE), true),
                result(ANSWERABLE, declined("Sorry, I can't find that."), true),
                result(ANSWERABLE, declined("Sorry, I can't find that."), false),
                result(toDecline("r01", "refuse", ""), declined("Sorry."), false),
                EvalResult.grade(ANSWERABLE, answered("May 12, Urumqi [1]", SOURCE)));

        ContextRecall recall = ContextRecall.of(results);

        assertThat(recall).isEqualTo(new ContextRecall(2, 3));
        assertThat(recall.line()).isEqualTo("context recall: 2/3 (67%)");
    }

    @Test
    void leavesOutAnswerableQuestionsWithoutFacts() {
        EvalQuestion noFacts = new EvalQuestion("m01", "multilingual", "?", List.of(), List.of(), true, List.of(), "");

        assertThat(ContextRecall.of(List.of(result(noFacts, answered("x", SOURCE), true))).line())
                .isEqualTo("context recall: 0/0 (-)");
    }

    @Test
    void passagesHoldTheFactsWhenOneAlternativeOfEveryGroupAppearsInThem() {
        Retrieval retrieval = retrieval(List.of(passage("The alliance was set up on 12 May."), passage("It met in Urumqi.")),
                List.of());

        assertThat(ContextCheck.of(ANSWERABLE, retrieval, false).holdsFacts()).isTrue();
        assertThat(ContextCheck.of(ANSWERABLE, retrieval, false).gateReason()).isEqualTo("why");
    }

    @Test
    void passagesLackTheFactsWhenAGroupHasNoAlternativeInThem() {
        Retrieval retrieval = retrieval(List.of(passage("The alliance was set up on 12 May in Beijing.")), List.of());

        assertThat(ContextCheck.of(ANSWERABLE, retrieval, false).holdsFacts()).isFalse();
    }

    @Test
    void theFactsMayComeFromThePassagesOfTheMessagesParts() {
        Retrieval part = retrieval(List.of(passage("It met in Urumqi.")), List.of());
        Retrieval retrieval = retrieval(List.of(passage("The alliance was set up on May 12.")), List.of(part));

        assertThat(ContextCheck.of(ANSWERABLE, retrieval, false).holdsFacts()).isTrue();
    }

    private static Retrieval retrieval(List<Passage> passages, List<Retrieval> parts) {
        RelevanceVerdict verdict = new RelevanceVerdict(true, 0.9, 1, "why", List.of(), 0.9);
        return new Retrieval("q", new float[0], null, passages, List.of(), verdict, null, parts, "");
    }

    private static Passage passage(String text) {
        Article article = new Article(SOURCE, "Alliance", null, null, null, null, null, text);
        return new Passage(new Chunk(SOURCE + "#0", article, 0, 0, List.of(text)), 1, 0.9, 1);
    }
}
