package com.ccabot.index;

import java.util.Set;

/** What the answer stage needs to know of one sentence, computed once at indexing: its vector and its terms. */
public record SentenceFeatures(float[] vector, Set<String> terms) {

    public SentenceFeatures {
        terms = Set.copyOf(terms);
    }

    /** Cosine similarity with a unit-length query vector (the model's vectors are unit length). */
    public double similarity(float[] query) {
        return Vectors.dot(vector, query);
    }
}
