package com.ccabot.eval;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import java.util.List;

/** Hand-made questions, answers and results for the eval tests: no model, no index. */
final class EvalFixtures {

    static final String SOURCE = "2025-05-12-alliance.md";

    private EvalFixtures() {}

    /** A question to answer with the facts "May 12" and "Urumqi" from {@link #SOURCE}. */
    static EvalQuestion answerable(String id, String kind, String split) {
        return new EvalQuestion(id, kind, "When was the alliance set up?", List.of(List.of("May 12", "12 May"),
                List.of("Urumqi")), List.of(SOURCE), true, List.of(), split);
    }

    /** A question to decline. */
    static EvalQuestion toDecline(String id, String kind, String split) {
        return new EvalQuestion(id, kind, "How do I cook plov?", List.of(), List.of(), false, List.of(), split);
    }

    static Answer answered(String text, String source) {
        return new Answer("q", text, true, List.of(new Citation(1, source, "title", null, null, null, 1, text)),
                "extractive", false, false, 10);
    }

    static Answer declined(String text) {
        return Answer.declined("q", text, "extractive").withLatency(5);
    }

    static EvalResult result(EvalQuestion question, Answer answer, boolean passagesHoldFacts) {
        return EvalResult.grade(question, answer, new ContextCheck(passagesHoldFacts,
                EvalRunner.declinedBeforeRetrieval(answer), "the best passages do not answer it (0.12)"));
    }
}
