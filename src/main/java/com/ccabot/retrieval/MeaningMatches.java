package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.ModelWords;
import com.ccabot.index.TermAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives a question's everyday words that no article has, and that are no typo of a word they have, the word of the
 * retrieved passages that means the same ("companies" → "enterprises", "employees" → "workers"), so an asker
 * need not use the article's own word for the passage to count as covering the question. Names and numbers,
 * ordinals and number words among them, and words for a day or a month are never matched by meaning: another
 * name is another subject, "sixth" is close to "fifth" in meaning but another meeting, and "tomorrow" is not
 * "Tuesday".
 */
final class MeaningMatches {

    /**
     * Only the leading passages' words are compared: each new word costs a pass of the model, and the answer
     * nearly always comes from them.
     */
    private static final int PASSAGES = 3;

    /**
     * Words for a day or a month, which like numbers name one time among many: "tomorrow" is close to "Tuesday" in
     * meaning but another day.
     */
    static final Set<String> TIMES = Set.of("today", "tomorrow", "yesterday", "tonight", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    private MeaningMatches() {
    }

    /** {@code terms} with each unmatched everyday word matched to its passages' word of the same meaning, if any. */
    static AnalysedQuestion of(AnalysedQuestion terms, List<Passage> passages, KnowledgeIndex index) {
        List<QuestionTerm> unmatched = terms.terms().stream()
                .filter(t -> !t.matched() && !t.salient() && !numeric(t.term()) && !time(t.word()) && ModelWords.isWord(t.word()))
                .toList();
        if (unmatched.isEmpty() || passages.isEmpty()) {
            return terms;
        }
        Map<String, String> termOfWord = new LinkedHashMap<>();
        for (Passage passage : passages.subList(0, Math.min(PASSAGES, passages.size()))) {
            for (TermAnalyzer.Token token : index.analyzer().tokens(passage.chunk().text())) {
                if (!numeric(token.term()) && !time(token.word()) && ModelWords.isWord(token.word())) {
                    termOfWord.putIfAbsent(token.word().toLowerCase(Locale.ROOT), token.term());
                }
            }
        }
        List<QuestionTerm> matched = new ArrayList<>(terms.terms().size());
        for (QuestionTerm term : terms.terms()) {
            Optional<String> same = unmatched.contains(term)
                    ? index.meanings().closest(term.word(), termOfWord.keySet()) : Optional.empty();
            matched.add(same.map(word -> new QuestionTerm(term.term(), term.idf(), false, termOfWord.get(word),
                    term.salient(), term.rare(), term.country(), term.focus(), term.word())).orElse(term));
        }
        return new AnalysedQuestion(matched, terms.corrected());
    }

    /** Whether a word names a day or a month ("tomorrow", "Tuesday", "May"), which no other word means. */
    static boolean time(String word) {
        return TIMES.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether an analysed term stands for a number: the analyser writes "sixth" as "6th" and "five" as "5". */
    private static boolean numeric(String term) {
        return term.chars().anyMatch(Character::isDigit);
    }
}
