package com.ccabot.retrieval;

import java.util.List;

/**
 * A sentence of a retrieved passage, with the sentences around it, scored as the place an answer would come from:
 * {@code score} is the sentence-choice model's probability that it answers the question, {@code features} the
 * values that probability was computed from (in the order of {@link EvidenceRanker#FEATURES}).
 *
 * @param sentence its number among its article's sentences
 * @param before   the sentence before it in the article, or an empty string
 * @param after    the sentence after it, or an empty string
 */
public record Evidence(Passage passage, int sentence, String text, String before, String after, List<Double> features,
                       double score) {

    public Evidence {
        features = List.copyOf(features);
    }

    /** Whether it reads as a continuation of the sentence before ("He said…", "These include…"). */
    public boolean leansBack() {
        return features.get(EvidenceRanker.FEATURES.indexOf("leans_back")) > 0 && !before.isEmpty();
    }

    public double[] featureArray() {
        return features.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
