package com.ccabot.eval;

import com.ccabot.retrieval.Passage;
import com.ccabot.retrieval.Retrieval;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the retrieval for one eval question gave the answer stage: whether its passages hold every expected fact,
 * whether the answer was a decline given before any search, and the answerability gate's reason.
 */
public record ContextCheck(boolean holdsFacts, boolean declinedBeforeRetrieval, String gateReason) {

    public ContextCheck {
        gateReason = gateReason == null ? "" : gateReason;
    }

    /** Checks a retrieval's passages against the facts a question expects. */
    public static ContextCheck of(EvalQuestion question, Retrieval retrieval, boolean declinedBeforeRetrieval) {
        String reason = retrieval.verdict() == null ? "" : retrieval.verdict().reason();
        return new ContextCheck(EvalResult.missing(question.facts(), passageText(retrieval)).isEmpty(),
                declinedBeforeRetrieval, reason);
    }

    /**
     * The texts of the passages an LLM backend would be sent, one a line: the retrieval's own and, for a message
     * that asks several things, each part's.
     */
    static String passageText(Retrieval retrieval) {
        return passages(retrieval).map(p -> p.chunk().text()).distinct().collect(Collectors.joining("\n"));
    }

    private static Stream<Passage> passages(Retrieval retrieval) {
        return Stream.concat(retrieval.passages().stream(),
                retrieval.parts().stream().flatMap(ContextCheck::passages));
    }
}
