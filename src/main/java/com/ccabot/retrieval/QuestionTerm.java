package com.ccabot.retrieval;

/**
 * One content word of a question, as an analysed (stemmed) term: how rare it is in the knowledge, the known term
 * it was corrected to when the knowledge lacks it but has something one or two letters away, and whether it was
 * written as a name or a number ("Brazil", "2022") rather than as an everyday word, and whether it is rare in the
 * knowledge (a specific name such as "Termez", found in a passage or two), whether it names a country, and whether
 * it is what the question asks about ({@link QuestionFocus}: "population" in "what is the population of…");
 * {@code word} is the word as typed.
 */
public record QuestionTerm(String term, double idf, boolean known, String correction, boolean salient, boolean rare,
                           boolean country, boolean focus, String word) {

    /** Whether the knowledge has this term or a correction of it. */
    public boolean matched() {
        return known || correction != null;
    }

    /** The term as the knowledge spells it. */
    public String indexed() {
        return correction != null ? correction : term;
    }
}
