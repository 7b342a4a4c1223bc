package com.ccabot.retrieval;

import java.util.List;

/**
 * The answerability gate's decision on one question, with the figures it was made from and the question's words
 * (as typed) that the best passage window lacks; {@code shortfall} says what kind of lack a decline is: words of
 * the question no window holds ({@link Shortfall#WORDS}, also the kind of every answered question), words each in
 * some passage but none holding them together ({@link Shortfall#APART}: "Kazakhstan" in one, "2024" in another,
 * and {@code missing} then lists them all), or what the kind of question needs that no window gives
 * ({@link Shortfall#REQUIREMENT}: an amount paid for a cost, a name for "the name of…"; {@code reason} then says it).
 */
public record RelevanceVerdict(boolean relevant, double bestSimilarity, double coverage, String reason,
                               List<String> missing, double probability, Shortfall shortfall) {

    /** What a declined question's passages lack. */
    public enum Shortfall { WORDS, APART, REQUIREMENT }

    public RelevanceVerdict {
        missing = List.copyOf(missing);
    }

    public RelevanceVerdict(boolean relevant, double bestSimilarity, double coverage, String reason,
                            List<String> missing, double probability) {
        this(relevant, bestSimilarity, coverage, reason, missing, probability, Shortfall.WORDS);
    }

    /** Whether each missing word is in some passage but no passage holds them together. */
    public boolean apart() {
        return shortfall == Shortfall.APART;
    }

    /** Whether no window gives what the kind of question needs, which {@link #reason()} then names. */
    public boolean requirementUnmet() {
        return shortfall == Shortfall.REQUIREMENT;
    }
}
