package com.ccabot.eval;

import com.ccabot.answer.Answer;
import java.util.Locale;
import java.util.Optional;

/** The stage of the answer path that a failed eval question went wrong at. */
public enum FailureStage {

    /** Answerable, but the passages found lack an expected fact. */
    RETRIEVAL,
    /** The passages hold every fact yet it declined, or it answered a question it should decline. */
    GATE,
    /** It answered from passages holding every fact, but the answer misses one or cites the wrong article. */
    CHOICE,
    /** Declined before any search (a hostile, empty, too long or non-English message) though it should answer. */
    REFUSAL;

    /**
     * The stage at fault for an answer, or empty when the answer passes.
     *
     * @param passagesHoldFacts       whether the passages sent to the answer stage hold one alternative of every
     *                                group of facts (true for a question without facts)
     * @param declinedBeforeRetrieval whether the answer is a decline given before any search
     */
    public static Optional<FailureStage> of(EvalQuestion question, Answer answer, boolean passagesHoldFacts,
                                            boolean declinedBeforeRetrieval) {
        if (EvalResult.problems(question, answer).isEmpty()) {
            return Optional.empty();
        }
        if (!answer.answered()) {
            // failed and declined: it should have answered
            return Optional.of(declinedBeforeRetrieval ? REFUSAL : passagesHoldFacts ? GATE : RETRIEVAL);
        }
        if (!question.answered()) {
            return Optional.of(GATE);
        }
        return Optional.of(passagesHoldFacts ? CHOICE : RETRIEVAL);
    }

    /** The stage's name as the report prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
