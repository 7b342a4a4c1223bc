package com.ccabot.index;

import java.util.Set;

/**
 * What the answer stage needs to know of one sentence: its vector, computed at indexing, and its terms, analysed when a
 * question first needs them; kept by {@link KnowledgeIndex} once made.
 */
public record SentenceFeatures(float[] vector, Set<String> terms) {

    public SentenceFeatures {
        terms = Set.copyOf(terms);
    }

    /** Cosine similarity with a unit-length query vector (the model's vectors are unit length). */
    public double similarity(float[] query) {
        return Vectors.dot(vector, query);
    }
}
