package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.KnowledgeIndex.VectorHit;
import com.ccabot.index.Vectors;
import com.ccabot.knowledge.Article;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * News repeats itself: the same passage comes back in a follow-up report, another outlet's version, next year's
 * edition of an event. When retrieved passages of different articles are near-copies, the one whose article fits
 * the question stands for them all: the year and month the question names, the words of its title the question uses,
 * and, all else equal, the first report (the source the others retell), or the latest when the question asks
 * for what is latest or current.
 */
final class NearCopies {

    /** Passages at least this close in meaning are taken for copies of one another. */
    static final double NEAR_COPY = 0.92;
    /** Only the leading candidates are compared: the ones that can reach the answer. */
    private static final int LOOK_AT = 40;
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    /** A figure as written: "70", "4,500", "8.9". */
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern LATEST = Pattern.compile(
            "\\b(latest|newest|most recent|recently|now|current(ly)?|today|so far|to date|updated?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern[] MONTHS = Arrays.stream(Month.values())
            .map(month -> Pattern.compile("\\b" + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "\\b",
                    Pattern.CASE_INSENSITIVE))
            .toArray(Pattern[]::new);

    private NearCopies() {}

    /**
     * The chunk ordinals of {@code order} with near-copies taken together: each group of copies is represented,
     * at the rank of its best-ranked member, by the member whose article fits the question best; the other copies
     * follow after every group's representative, so that the passages an answer reads are not one report many
     * times over.
     */
    static List<Integer> preferFitting(List<Integer> order, String question, AnalysedQuestion terms, KnowledgeIndex index) {
        int n = Math.min(LOOK_AT, order.size());
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> heads = new ArrayList<>();
        List<float[]> headVectors = new ArrayList<>();
        for (int chunk : order.subList(0, n)) {
            float[] vector = index.chunkVector(chunk);
            int copied = copied(heads, headVectors, chunk, vector, index);
            if (copied < 0) {
                groups.add(new ArrayList<>(List.of(chunk)));
                heads.add(chunk);
                headVectors.add(vector);
            } else {
                groups.get(copied).add(chunk);
            }
        }
        if (groups.size() == n) {
            return order; // no copies: the common case, untouched
        }
        Fit fit = new Fit(question, terms, index);
        List<Integer> result = new ArrayList<>(order.size());
        List<Integer> others = new ArrayList<>();
        for (List<Integer> group : groups) {
            int best = group.get(0);
            for (int chunk : group.subList(1, group.size())) {
                if (fit.compare(index.chunks().get(chunk).article(), index.chunks().get(best).article()) > 0) {
                    best = chunk;
                }
            }
            result.add(best);
            for (int chunk : group) {
                if (chunk != best) {
                    others.add(chunk);
                }
            }
        }
        result.addAll(others);
        result.addAll(order.subList(n, order.size()));
        return result;
    }

    /**
     * The first hits of the vector ranking that hold {@code reports} reports, a hit that is a near-copy of a
     * better-ranked hit of another article counting as no new report. In a knowledge base where a report is retold
     * many times its copies would otherwise fill the ranking's candidates, and the other passages about the question
     * (the first report's other paragraphs, found by their words) would rank as if the vector search had not found
     * them at all. Without copies, the first {@code reports} hits.
     */
    static List<VectorHit> holdingReports(List<VectorHit> hits, int reports, KnowledgeIndex index) {
        List<Integer> heads = new ArrayList<>();
        List<float[]> headVectors = new ArrayList<>();
        for (int at = 0; at < hits.size(); at++) {
            int chunk = hits.get(at).chunk();
            float[] vector = index.chunkVector(chunk);
            if (copied(heads, headVectors, chunk, vector, index) < 0) {
                if (heads.size() == reports) {
                    return hits.subList(0, at);
                }
                heads.add(chunk);
                headVectors.add(vector);
            }
        }
        return hits;
    }

    /**
     * The place among {@code heads} (chunks, with their vectors) of the first one that {@code chunk} is a near-copy of,
     * from another article; -1 when it copies none.
     */
    private static int copied(List<Integer> heads, List<float[]> headVectors, int chunk, float[] vector,
                              KnowledgeIndex index) {
        for (int i = 0; i < heads.size(); i++) {
            if (!sameArticle(index, heads.get(i), chunk) && Vectors.dot(headVectors.get(i), vector) >= NEAR_COPY) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The ranked sentences with each sentence told once: when articles share a sentence word for word (a
     * retelling), or but for its figures (a follow-up or another outlet with other numbers), it is kept at its best
     * rank and told as the article that fits the question best tells it.
     */
    static List<Evidence> attributeSharedSentences(List<Evidence> ranked, String question, AnalysedQuestion terms,
                                                   KnowledgeIndex index) {
        Map<String, Integer> first = new HashMap<>();
        List<Evidence> result = new ArrayList<>(ranked.size());
        Fit fit = null;
        for (Evidence evidence : ranked) {
            String report = withoutFigures(evidence.text());
            Integer at = first.get(report);
            if (at == null) {
                first.put(report, result.size());
                result.add(evidence);
                continue;
            }
            Evidence kept = result.get(at);
            if (kept.passage().chunk().article().file().equals(evidence.passage().chunk().article().file())) {
                if (!kept.text().equals(evidence.text())) {
                    result.add(evidence); // one article's two sentences that differ in their figures: both stand
                }
                continue; // else the same sentence in two overlapping chunks of one article
            }
            fit = fit != null ? fit : new Fit(question, terms, index);
            if (fit.compare(evidence.passage().chunk().article(), kept.passage().chunk().article()) > 0) {
                // the better-fitting article's copy of the sentence, at the rank the sentence earned
                result.set(at, new Evidence(evidence.passage(), evidence.sentence(), evidence.text(), evidence.before(),
                        evidence.after(), evidence.window(), evidence.subject(), kept.features(), kept.score()));
            }
        }
        for (int i = 0; i < result.size(); i++) {
            List<Integer> sharing = index.chunksSharing(result.get(i).text());
            if (!sharing.isEmpty()) {
                fit = fit != null ? fit : new Fit(question, terms, index);
                result.set(i, fittest(result.get(i), sharing, fit, index));
            }
        }
        return result;
    }

    /**
     * A sentence that other articles hold word for word, from the one that fits the question best, though that
     * one's passage was not among those retrieved (with many retellings, the first report may rank below them all).
     */
    private static Evidence fittest(Evidence evidence, List<Integer> sharing, Fit fit, KnowledgeIndex index) {
        int best = index.articleOrdinal(evidence.passage().chunk().article());
        if (best < 0) {
            return evidence;
        }
        int bestChunk = -1;
        for (int chunk : sharing) {
            int article = index.articleOf(chunk);
            if (article >= 0 && article != best && fit.compare(article, best) > 0) {
                best = article;
                bestChunk = chunk;
            }
        }
        if (bestChunk < 0) {
            return evidence;
        }
        List<String> sentences = index.sentencesOf(index.articles().get(best));
        int at = sentences.indexOf(evidence.text());
        if (at < 0) {
            return evidence;
        }
        Passage from = evidence.passage();
        return new Evidence(new Passage(index.chunks().get(bestChunk), from.score(), from.similarity(), from.lexical()), at,
                evidence.text(), at > 0 ? sentences.get(at - 1) : "", at + 1 < sentences.size() ? sentences.get(at + 1) : "",
                evidence.window(), evidence.subject(), evidence.features(), evidence.score());
    }

    /**
     * The sentence with each figure but a year made one mark: what a retelling with updated figures ("over 60
     * universities" for "over 70") has in common with the report it retells. Years stay, so that next year's
     * edition of an event is another report.
     */
    static String withoutFigures(String sentence) {
        Matcher figure = FIGURE.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (figure.find()) {
            figure.appendReplacement(out, YEAR.matcher(figure.group()).matches() ? figure.group() : "#");
        }
        figure.appendTail(out);
        return out.toString();
    }

    private static boolean sameArticle(KnowledgeIndex index, int a, int b) {
        return index.chunks().get(a).article().file().equals(index.chunks().get(b).article().file());
    }

    /** How well an article fits a question, for telling near-copies apart. */
    private static final class Fit {

        private static final int UNSCORED = Integer.MIN_VALUE;

        private final Set<Integer> years = new HashSet<>();
        private final Set<Month> months = new HashSet<>();
        /** The question's known words as the index numbers them: what a title's terms are compared with. */
        private final int[] words;
        private final boolean latest;
        private final KnowledgeIndex index;
        /**
         * Each article's score by its place in the index's articles, computed once a question: a sentence that
         * many articles share (a formula of a thousand reports) is compared across all of them, and at 100,000
         * chunks looking the scores up by article took half of retrieval's time.
         */
        private final int[] scores;

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
            this.words = terms.knownTerms().stream().distinct().mapToInt(index::termNumber).toArray();
            this.latest = LATEST.matcher(question).find();
            this.scores = new int[index.articles().size()];
            Arrays.fill(scores, UNSCORED);
        }

        /** Positive when {@code a} fits better than {@code b}. */
        int compare(Article a, Article b) {
            int placeOfA = index.articleOrdinal(a);
            int placeOfB = index.articleOrdinal(b);
            return byDate(Integer.compare(score(a, placeOfA), score(b, placeOfB)), KnowledgeIndex.dayOf(a),
                    KnowledgeIndex.dayOf(b));
        }

        /**
         * Positive when the article at place {@code a} of the index's articles fits better than the one at
         * {@code b}: the same comparison on what the index keeps by place, for the thousands a shared sentence
         * can bring.
         */
        int compare(int a, int b) {
            return byDate(Integer.compare(score(a), score(b)), index.articleDay(a), index.articleDay(b));
        }

        private int byDate(int byScore, int dayOfA, int dayOfB) {
            if (byScore != 0 || dayOfA == KnowledgeIndex.NO_DATE || dayOfB == KnowledgeIndex.NO_DATE) {
                return byScore;
            }
            // the latest report when asked for, else the first
            return latest ? Integer.compare(dayOfA, dayOfB) : Integer.compare(dayOfB, dayOfA);
        }

        private int score(Article article, int place) {
            return place < 0 ? scored(article, new int[0]) : score(place);
        }

        private int score(int place) {
            if (scores[place] == UNSCORED) {
                scores[place] = scored(index.articles().get(place), index.titleTermNumbers(place));
            }
            return scores[place];
        }

        private int scored(Article article, int[] titleTerms) {
            int score = 0;
            LocalDate date = article.date();
            if (date != null && years.contains(date.getYear())) {
                score += 4;
            }
            if (date != null && months.contains(date.getMonth())) {
                score += 2;
            }
            for (int term : titleTerms) {
                for (int word : words) {
                    if (term == word) {
                        score++;
                        break;
                    }
                }
            }
            return score;
        }
    }
}
