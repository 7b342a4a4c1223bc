package com.ccabot.retrieval;

import java.util.List;

/**
 * The answerability gate's decision on one question, with the figures it was made from and the question's words
 * (as typed) that the best passage window lacks.
 */
public record RelevanceVerdict(boolean relevant, double bestSimilarity, double coverage, String reason,
                               List<String> missing, double probability) {

    public RelevanceVerdict {
        missing = List.copyOf(missing);
    }
}
