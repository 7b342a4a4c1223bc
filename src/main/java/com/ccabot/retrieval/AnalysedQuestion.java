package com.ccabot.retrieval;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A question's content terms, the words that carry its meaning, ready for search and for the relevance gate, and
 * the question with its misspelt words corrected ("educaton" → "education"), which is what is searched by meaning.
 */
public record AnalysedQuestion(List<QuestionTerm> terms, String corrected) {

    public AnalysedQuestion {
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /**
     * The share of the question's meaning the knowledge has words for: matched terms' IDF over all terms' IDF.
     * A question about something else (a capital city, a football cup) names things the articles never mention.
     */
    public double coverage() {
        double all = 0;
        double matched = 0;
        for (QuestionTerm term : terms) {
            if (term.matched()) {
                all += term.idf();
                matched += term.known() ? term.idf() : term.idf() * CORRECTION_CREDIT;
            } else {
                // a name or number the articles lack means another subject; an everyday word they lack may not
                all += term.salient() ? term.idf() : term.idf() * UNKNOWN_WORD_WEIGHT;
            }
        }
        return all == 0 ? 0 : matched / all;
    }

    /** The IDF-weighted share of this question's terms found in a set of terms (a sentence's, a chunk's). */
    public double coverageBy(Collection<String> found) {
        return share(found::contains);
    }

    /** The IDF-weighted share of this question's terms (as the knowledge spells them) that {@code holds} accepts. */
    public double share(Predicate<String> holds) {
        double all = 0;
        double matched = 0;
        for (QuestionTerm term : terms) {
            all += term.idf();
            if (holds.test(term.indexed())) {
                matched += term.idf();
            }
        }
        return all == 0 ? 0 : matched / all;
    }

    /** Whether the knowledge has every word of the question and at least one of them is a specific, rare name. */
    public boolean namesSomethingSpecific() {
        return !terms.isEmpty() && terms.stream().allMatch(QuestionTerm::known) && terms.stream().anyMatch(QuestionTerm::rare);
    }

    /** Every term of the question as the knowledge spells it ({@link QuestionTerm#indexed}). */
    public Set<String> indexedTerms() {
        return terms.stream().map(QuestionTerm::indexed).collect(Collectors.toUnmodifiableSet());
    }

    public List<String> knownTerms() {
        return terms.stream().filter(QuestionTerm::known).map(QuestionTerm::term).distinct().toList();
    }

    public List<String> corrections() {
        return terms.stream().filter(t -> t.correction() != null).map(QuestionTerm::correction).distinct().toList();
    }

    /** A corrected typo is likely, not certain, to be the word the asker meant. */
    private static final double CORRECTION_CREDIT = 0.8;
    private static final double UNKNOWN_WORD_WEIGHT = 0.5;
}
