package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import java.util.List;

/**
 * What retrieval found for one question: the passages, best first, the gate's verdict, and what the answer stage
 * needs to reuse rather than recompute (the question's vector and terms, the index snapshot searched). A message
 * that asks several things also carries the retrieval of each of its questions in {@code parts}.
 */
public record Retrieval(String question, float[] questionVector, AnalysedQuestion terms, List<Passage> passages,
                        List<Evidence> evidence, RelevanceVerdict verdict, KnowledgeIndex index, List<Retrieval> parts, String alreadySaid) {

    public Retrieval {
        passages = List.copyOf(passages);
        evidence = List.copyOf(evidence);
        parts = List.copyOf(parts);
    }

    /** The same retrieval, for a follow-up whose answer should leave out what the conversation already said. */
    public Retrieval withAlreadySaid(String said) {
        return new Retrieval(question, questionVector, terms, passages, evidence, verdict, index, parts, said);
    }

    public boolean relevant() {
        return verdict.relevant();
    }
}
