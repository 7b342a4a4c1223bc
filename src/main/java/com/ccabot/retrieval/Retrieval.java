package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import java.util.List;

/**
 * What retrieval found for one question: the passages, best first, the gate's verdict, and what the answer stage
 * needs to reuse rather than recompute (the question's vector and terms, the index snapshot searched). A message
 * that asks several things also carries the retrieval of each of its questions in {@code parts}.
 */
public record Retrieval(String question, float[] questionVector, AnalysedQuestion terms, List<Passage> passages,
                        RelevanceVerdict verdict, KnowledgeIndex index, List<Retrieval> parts, String alreadySaid) {

    public Retrieval {
        passages = List.copyOf(passages);
        parts = List.copyOf(parts);
    }

    /**
     * For a follow-up: the passages this retrieval found with the conversation's context, answered with the
     * follow-up's own words and meaning ({@code own}), leaving out what the conversation already said.
     */
    public Retrieval focusedOn(Retrieval own, String said) {
        return new Retrieval(own.question(), own.questionVector(), own.terms(), passages, verdict, index, List.of(), said);
    }

    public boolean relevant() {
        return verdict.relevant();
    }
}
