package com.ccabot.retrieval;

import java.util.List;

/**
 * The answerability gate's decision on one question, with the figures it was made from and the question's words
 * (as typed) that the best passage window lacks; {@code apart} when each of those words is in some passage but no
 * passage holds them together ("Kazakhstan" in one, "2024" in another), and {@code missing} then lists them all.
 */
public record RelevanceVerdict(boolean relevant, double bestSimilarity, double coverage, String reason,
                               List<String> missing, double probability, boolean apart) {

    public RelevanceVerdict {
        missing = List.copyOf(missing);
    }

    public RelevanceVerdict(boolean relevant, double bestSimilarity, double coverage, String reason,
                            List<String> missing, double probability) {
        this(relevant, bestSimilarity, coverage, reason, missing, probability, false);
    }
}
