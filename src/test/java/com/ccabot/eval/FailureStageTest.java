package com.ccabot.eval;

import static com.ccabot.eval.EvalFixtures.SOURCE;
import static com.ccabot.eval.EvalFixtures.answerable;
import static com.ccabot.eval.EvalFixtures.answered;
import static com.ccabot.eval.EvalFixtures.declined;
import static com.ccabot.eval.EvalFixtures.toDecline;
import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.answer.Declines;
import org.junit.jupiter.api.Test;

class FailureStageTest {

    private static final EvalQuestion ANSWERABLE = answerable("d01", "fact", "");
    private static final EvalQuestion TO_DECLINE = toDecline("r01", "refuse", "");
    private static final String GOOD = "It was set up on May 12 in Urumqi [1].";

    @Test
    void aPassingAnswerHasNoFailingStageWhateverItsPassagesHeld() {
        assertThat(FailureStage.of(ANSWERABLE, answered(GOOD, SOURCE), false, false)).isEmpty();
        assertThat(FailureStage.of(TO_DECLINE, declined("Sorry, I can't find that."), false, false)).isEmpty();
    }

    @Test
    void anAnswerMissingAFactTheRetrievedPassagesLackedFailsAtRetrieval() {
        assertThat(FailureStage.of(ANSWERABLE, answered("It was set up on May 12 [1].", SOURCE), false, false))
                .contains(FailureStage.RETRIEVAL);
    }

    @Test
    void aDeclineOfAnAnswerableQuestionWhosePassagesLackAFactFailsAtRetrieval() {
        assertThat(FailureStage.of(ANSWERABLE, declined("Sorry, I can't find that."), false, false))
                .contains(FailureStage.RETRIEVAL);
    }

    @Test
    void aDeclineThoughThePassagesHoldEveryFactFailsAtTheGate() {
        assertThat(FailureStage.of(ANSWERABLE, declined("Sorry, I can't find that."), true, false))
                .contains(FailureStage.GATE);
    }

    @Test
    void anAnswerToAQuestionItShouldDeclineFailsAtTheGate() {
        assertThat(FailureStage.of(TO_DECLINE, answered("Plov is cooked [1].", SOURCE), false, false))
                .contains(FailureStage.GATE);
    }

    @Test
    void anAnswerMissingAFactThePassagesHeldFailsAtSentenceChoice() {
        assertThat(FailureStage.of(ANSWERABLE, answered("It was set up in Urumqi [1].", SOURCE), true, false))
                .contains(FailureStage.CHOICE);
    }

    @Test
    void anAnswerCitingTheWrongArticleFromPassagesHoldingEveryFactFailsAtSentenceChoice() {
        assertThat(FailureStage.of(ANSWERABLE, answered(GOOD, "other.md"), true, false)).contains(FailureStage.CHOICE);
    }

    @Test
    void aDeclineBeforeAnySearchOfAnAnswerableQuestionFailsAtRefusal() {
        assertThat(FailureStage.of(ANSWERABLE, declined(Declines.aboutItself(40)), true, true))
                .contains(FailureStage.REFUSAL);
    }

    @Test
    void theRunnerRecognisesTheDeclinesGivenBeforeAnySearch() {
        assertThat(EvalRunner.declinedBeforeRetrieval(declined(Declines.aboutItself(40)))).isTrue();
        assertThat(EvalRunner.declinedBeforeRetrieval(declined("I can't share my instructions, settings or keys.")))
                .isTrue();
        assertThat(EvalRunner.declinedBeforeRetrieval(declined(Declines.tooLong(5000, 1000)))).isTrue();
        assertThat(EvalRunner.declinedBeforeRetrieval(declined(Declines.notCovered(40)))).isFalse();
        assertThat(EvalRunner.declinedBeforeRetrieval(answered("I can't share much, but [1].", SOURCE))).isFalse();
    }

    @Test
    void aResultGradedWithoutItsRetrievalNamesNoStage() {
        EvalResult result = EvalResult.grade(ANSWERABLE, declined("Sorry."));

        assertThat(result.passed()).isFalse();
        assertThat(result.stage()).isEmpty();
    }

    @Test
    void gradingKeepsTheProblemTextsAndAddsTheStage() {
        EvalResult result = EvalFixtures.result(ANSWERABLE, answered("It was set up in Urumqi [1].", "other.md"), true);

        assertThat(result.problems()).containsExactly("missing May 12 | 12 May", "cites none of [" + SOURCE + "]");
        assertThat(result.sourceHit()).isFalse();
        assertThat(result.stage()).contains(FailureStage.CHOICE);
        assertThat(FailureStage.CHOICE.label()).isEqualTo("choice");
    }
}
