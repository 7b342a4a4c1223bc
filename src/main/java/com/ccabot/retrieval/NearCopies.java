package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.knowledge.Article;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * News repeats itself: the same passage comes back in a follow-up report, another outlet's version, next year's
 * edition of an event. When two retrieved passages of different articles are near-copies, the one whose article
 * fits the question goes first: the year and month the question names, the words of its title the question uses,
 * and, all else equal, the later report.
 */
final class NearCopies {

    /** Passages at least this close in meaning are taken for copies of one another. */
    static final double NEAR_COPY = 0.92;
    /** Only the leading candidates are compared: the ones that can reach the answer. */
    private static final int LOOK_AT = 20;
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern[] MONTHS = java.util.Arrays.stream(Month.values())
            .map(month -> Pattern.compile("\\b" + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "\\b",
                    Pattern.CASE_INSENSITIVE))
            .toArray(Pattern[]::new);

    private NearCopies() {}

    /** The chunk ordinals in {@code order}, each near-copy pair put in the order of how well its article fits. */
    static List<Integer> preferFitting(List<Integer> order, String question, AnalysedQuestion terms, KnowledgeIndex index) {
        List<Integer> result = new ArrayList<>(order);
        int n = Math.min(LOOK_AT, result.size());
        Fit fit = null; // read from the question only when there are copies to tell apart
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int first = result.get(i);
                int second = result.get(j);
                Article a = index.chunks().get(first).article();
                Article b = index.chunks().get(second).article();
                if (a.file().equals(b.file()) || index.similarity(first, index.chunkVector(second)) < NEAR_COPY) {
                    continue;
                }
                fit = fit != null ? fit : new Fit(question, terms, index);
                if (fit.compare(b, a) > 0) {
                    result.set(i, second);
                    result.set(j, first);
                }
            }
        }
        return result;
    }

    /** How well an article fits a question, for telling near-copies apart. */
    private static final class Fit {

        private final Set<Integer> years = new HashSet<>();
        private final Set<Month> months = new HashSet<>();
        private final Set<String> words;
        private final KnowledgeIndex index;

        Fit(String question, AnalysedQuestion terms, KnowledgeIndex index) {
            this.index = index;
            Matcher year = YEAR.matcher(question);
            while (year.find()) {
                years.add(Integer.parseInt(year.group()));
            }
            for (Month month : Month.values()) {
                if (MONTHS[month.ordinal()].matcher(question).find()) {
                    months.add(month);
                }
            }
            this.words = new HashSet<>(terms.knownTerms());
        }

        /** Positive when {@code a} fits better than {@code b}. */
        int compare(Article a, Article b) {
            int byScore = Integer.compare(score(a), score(b));
            if (byScore != 0) {
                return byScore;
            }
            LocalDate da = a.date();
            LocalDate db = b.date();
            return da == null || db == null ? 0 : da.compareTo(db); // the later report
        }

        private int score(Article article) {
            int score = 0;
            LocalDate date = article.date();
            if (date != null && years.contains(date.getYear())) {
                score += 4;
            }
            if (date != null && months.contains(date.getMonth())) {
                score += 2;
            }
            for (String term : index.titleTerms(article)) {
                if (words.contains(term)) {
                    score++;
                }
            }
            return score;
        }
    }
}
