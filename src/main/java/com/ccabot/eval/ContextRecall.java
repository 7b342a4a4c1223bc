package com.ccabot.eval;

import java.util.List;

/**
 * Context recall: of the answerable questions with facts whose retrieval is known, how many had passages holding
 * every expected fact.
 */
public record ContextRecall(long held, long answerable) {

    public static ContextRecall of(List<EvalResult> results) {
        List<EvalResult> answerable = results.stream()
                .filter(r -> r.context() != null && r.question().answered() && !r.question().facts().isEmpty())
                .toList();
        return new ContextRecall(answerable.stream().filter(r -> r.context().holdsFacts()).count(), answerable.size());
    }

    /** The line the report prints, e.g. {@code context recall: 17/19 (89%)}. */
    public String line() {
        String share = answerable == 0 ? "-" : Math.round(100.0 * held / answerable) + "%";
        return "context recall: %d/%d (%s)".formatted(held, answerable, share);
    }
}
