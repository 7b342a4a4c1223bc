package com.ccabot.retrieval;

import java.util.List;

/**
 * Decides when nothing in the knowledge answers a question, so the bot declines instead of answering from the
 * nearest passage. Two signals must both hold: the best passage is semantically close to the question, and the
 * knowledge has words for most of what the question is about (a question on Brazil's capital is near "the Kazakh
 * capital of Astana" in meaning, but the articles never say "Brazil"). A passage that is clearly close in meaning
 * ({@value #CLEARLY_CLOSE} above the minimum similarity) needs only half the coverage, because a question may carry
 * words the articles happen not to use ("see", "thanks", a link's text). Conversely, a question all of whose words
 * the articles have, one of them a rare name, needs only three quarters of the similarity.
 *
 * <p>Calibrated on the dev questions and a held-out set of paraphrases, typos and off-topic questions: off-topic
 * questions stay at or below 0.32 similarity, questions the articles answer from 0.33 up.
 */
public final class RelevanceGate {

    static final double CLEARLY_CLOSE = 0.15;
    static final double SPECIFIC_NAME = 0.75;

    private final double minSimilarity;
    private final double minCoverage;

    public RelevanceGate(double minSimilarity, double minCoverage) {
        if (minSimilarity < 0 || minSimilarity > 1 || minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("gate thresholds must be between 0 and 1");
        }
        this.minSimilarity = minSimilarity;
        this.minCoverage = minCoverage;
    }

    public RelevanceVerdict judge(AnalysedQuestion question, List<Passage> passages) {
        double best = passages.stream().mapToDouble(Passage::similarity).max().orElse(0);
        double coverage = question.coverage();
        if (question.isEmpty() || passages.isEmpty()) {
            return new RelevanceVerdict(false, best, coverage, "no content words to search for");
        }
        boolean clearlyClose = best >= minSimilarity + CLEARLY_CLOSE;
        if (coverage < (clearlyClose ? minCoverage / 2 : minCoverage)) {
            return new RelevanceVerdict(false, best, coverage,
                    "the articles lack most of the question's words (coverage %.2f < %.2f)".formatted(coverage, minCoverage));
        }
        // a short keyword query ("luban workshops") embeds weakly; naming something only the articles hold is enough
        double similarityNeeded = question.namesSomethingSpecific() ? minSimilarity * SPECIFIC_NAME : minSimilarity;
        if (best < similarityNeeded) {
            return new RelevanceVerdict(false, best, coverage,
                    "no passage is close in meaning (similarity %.2f < %.2f)".formatted(best, similarityNeeded));
        }
        return new RelevanceVerdict(true, best, coverage, "relevant");
    }
}
