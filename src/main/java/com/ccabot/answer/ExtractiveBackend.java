package com.ccabot.answer;

import com.ccabot.knowledge.Article;
import com.ccabot.retrieval.Evidence;
import com.ccabot.retrieval.Passage;
import com.ccabot.retrieval.PhotoCredit;
import com.ccabot.retrieval.MetaQuestion;
import com.ccabot.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline backend: answers with the sentences of the retrieved passages that best answer the question, each
 * followed by the marker of the article it comes from. Needs no model beyond the embeddings.
 *
 * <p>Retrieval has already scored every sentence in its context ({@link com.ccabot.retrieval.EvidenceRanker}). The
 * best sentence leads, with the sentence before it when it leans on that one ("He said…", "These include…"), or
 * with the sentence after it when that one holds the kind of fact asked for and the best only frames it ("The
 * mayors of three towns opened the bridge." before the sentence that names them); another joins when its score is a
 * large enough share of the best one's (a list, a second article, the fact the first only frames), while the answer
 * stays short. The share is chosen with the model on held-out questions.
 */
public final class ExtractiveBackend implements AnswerBackend {

    public static final String NAME = "extractive";

    /** The model's setting for the share of the best score a further sentence needs. */
    public static final String FURTHER_SHARE = "further_share";
    /** The share when the model file sets none. */
    public static final double DEFAULT_FURTHER_SHARE = 0.5;
    /**
     * The share of their words (analysed: stems, numbers as digits) two sentences must have in common, of the words
     * either has, for one to say again what the other says: a retelling with a word or two changed does, a sentence
     * that adds a fact to the same subject does not. Judged by words, not by meaning: sentences pooled from one
     * article's passages are close in meaning by their context (0.85 and more for sentences that share a subject
     * and nothing else). Taken from 0.5, 0.6, 0.7, which scored the same on the bank's validation split.
     */
    private static final double REDUNDANT = 0.6;
    /** Room for a " [n]" marker after a sentence. */
    private static final int MARKER_ROOM = 5;

    private final int maxSentences;
    private final int maxChars;
    private final double furtherShare;

    public ExtractiveBackend(int maxSentences, int maxChars) {
        this(maxSentences, maxChars, DEFAULT_FURTHER_SHARE);
    }

    /** @param furtherShare the share of the best sentence's score a further sentence needs to join the answer */
    public ExtractiveBackend(int maxSentences, int maxChars, double furtherShare) {
        if (maxSentences < 1 || maxChars < 100) {
            throw new IllegalArgumentException("an answer needs at least one sentence and 100 characters");
        }
        if (furtherShare <= 0 || furtherShare > 1) {
            throw new IllegalArgumentException("the further-sentence share must be in (0, 1]");
        }
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
        this.furtherShare = furtherShare;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer answer(String question, Retrieval retrieval) {
        if (!retrieval.relevant()) {
            return Answer.declined(question, Declines.notCovered(retrieval), NAME);
        }
        List<Candidate> chosen = retrieval.parts().isEmpty()
                ? choose(retrieval, maxSentences)
                : chooseForEachPart(retrieval.parts());
        if (chosen.isEmpty()) {
            return Answer.declined(question, Declines.notCovered(retrieval), NAME);
        }
        return compose(question, chosen);
    }

    /**
     * A sentence chosen for the answer, with the one before it when it needs that one ({@link Evidence#needsBefore()})
     * or the one after ({@link Evidence#needsAfter()}).
     */
    private record Candidate(Evidence evidence, boolean withBefore, boolean withAfter) {

        Candidate(Evidence evidence, boolean withBefore) {
            this(evidence, withBefore, false);
        }

        String text() {
            return text(false);
        }

        /** @param withCredit whether the chosen sentence keeps its photo credit: for a question about a picture */
        String text(boolean withCredit) {
            String sentence = withCredit ? evidence.text() : display(evidence.text());
            String shown = withBefore ? display(evidence.before()) + " " + sentence : sentence;
            return withAfter ? shown + " " + display(evidence.after()) : shown;
        }

        Passage passage() {
            return evidence.passage();
        }
    }

    /**
     * A message asking several things gets the best sentences for each of its questions the articles cover: each
     * question's best first, in the order they are asked, then each one's second best while there is room, and so
     * on (so a long answer to the first question never crowds out the answer to the second).
     */
    private List<Candidate> chooseForEachPart(List<Retrieval> parts) {
        List<List<Candidate>> offered = parts.stream().filter(Retrieval::relevant)
                .map(part -> chooseRanked(part, maxSentences)).toList();
        List<Candidate> chosen = new ArrayList<>();
        for (int rank = 0; rank < maxSentences && chosen.size() < maxSentences; rank++) {
            for (int part = 0; part < offered.size() && chosen.size() < maxSentences; part++) {
                if (rank < offered.get(part).size()) {
                    Candidate candidate = offered.get(part).get(rank);
                    if (chosen.stream().noneMatch(c -> overlaps(c, candidate))) {
                        chosen.add(candidate);
                    }
                }
            }
        }
        return chosen;
    }

    private List<Candidate> choose(Retrieval retrieval, int most) {
        return inReadingOrder(chooseRanked(retrieval, most));
    }

    /** The sentences an answer takes from one retrieval, best first. */
    private List<Candidate> chooseRanked(Retrieval retrieval, int most) {
        List<Evidence> ranked = retrieval.evidence().stream()
                .filter(e -> retrieval.alreadySaid().isEmpty() || !retrieval.alreadySaid().contains(display(e.text())))
                // a follow-up wants something new, not the last answer again; a question (an interviewer's, a
                // headline's) answers nothing, nor does a line that is not prose (a dateline, a byline, a credit)
                // unless the question is about the article itself
                .filter(e -> !e.text().strip().endsWith("?") && e.feature("fragment") == 0)
                .toList();
        List<Candidate> chosen = new ArrayList<>();
        if (ranked.isEmpty()) {
            return chosen;
        }
        Evidence best = ranked.get(0);
        Candidate first = new Candidate(best, best.needsBefore() && fits(best.before().length() + best.text().length()),
                best.needsAfter() && fits(best.text().length() + best.after().length()));
        chosen.add(first);
        int length = first.text().length() + MARKER_ROOM;
        for (Evidence evidence : ranked.subList(1, ranked.size())) {
            if (chosen.size() >= most || evidence.score() < furtherShare * best.score()) {
                break;
            }
            // the sentence it leans on is not shown again when a chosen one says it already
            Candidate candidate = new Candidate(evidence, evidence.needsBefore() && chosen.stream()
                    .noneMatch(c -> c.evidence().text().equals(evidence.before())
                            || sameWords(retrieval, c.evidence().text(), evidence.before())));
            int added = candidate.text().length() + MARKER_ROOM + 1;
            if (!redundant(candidate, chosen, retrieval) && length + added <= maxChars) {
                chosen.add(candidate);
                length += added;
            }
        }
        return chosen;
    }

    private boolean fits(int chars) {
        return chars + MARKER_ROOM + 1 <= maxChars;
    }

    /**
     * The best sentence first, for it answers the question, and the ones after it in its article, then those before
     * it (so a sentence that goes on from the best follows it); then the other articles' sentences, each article's
     * in the order it has them (they read best so).
     */
    private static List<Candidate> inReadingOrder(List<Candidate> chosen) {
        if (chosen.isEmpty()) {
            return chosen;
        }
        int best = chosen.get(0).evidence().sentence();
        Map<String, List<Candidate>> byArticle = new LinkedHashMap<>();
        chosen.forEach(c -> byArticle.computeIfAbsent(c.passage().chunk().article().file(), f -> new ArrayList<>()).add(c));
        List<Candidate> ordered = new ArrayList<>();
        boolean first = true;
        for (List<Candidate> group : byArticle.values()) {
            Comparator<Candidate> inArticle = Comparator.comparingInt(c -> c.evidence().sentence());
            group.sort(first ? Comparator.<Candidate, Boolean>comparing(c -> c.evidence().sentence() < best).thenComparing(inArticle)
                    : inArticle);
            ordered.addAll(group);
            first = false;
        }
        return ordered;
    }

    private static boolean overlaps(Candidate a, Candidate b) {
        return a.text().contains(display(b.evidence().text())) || b.text().contains(display(a.evidence().text()));
    }

    /**
     * Whether a candidate says again what a chosen sentence says: it repeats it, or shares most of its words. A
     * sentence that goes on from a chosen one ("He said the firms enjoy preferential policies." / "These include
     * cheap rent…") says what the chosen one only announces.
     */
    private static boolean redundant(Candidate candidate, List<Candidate> chosen, Retrieval retrieval) {
        return chosen.stream().anyMatch(c -> overlaps(c, candidate) || !continues(candidate, c)
                && sameWords(retrieval, c.evidence().text(), candidate.evidence().text()));
    }

    /**
     * Whether two sentences of the index have the same words for the most part: {@link #REDUNDANT} of all either has.
     */
    private static boolean sameWords(Retrieval retrieval, String first, String second) {
        Set<String> a = retrieval.index().sentence(first).terms();
        Set<String> b = retrieval.index().sentence(second).terms();
        long shared = a.stream().filter(b::contains).count();
        int union = a.size() + b.size() - (int) shared;
        return union > 0 && (double) shared / union >= REDUNDANT;
    }

    /** Whether a candidate is the sentence right after a chosen one, and leans on it. */
    private static boolean continues(Candidate candidate, Candidate chosen) {
        return candidate.evidence().needsBefore() && candidate.evidence().before().equals(chosen.evidence().text());
    }

    private Answer compose(String question, List<Candidate> chosen) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, List<Candidate>> byArticle = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        boolean aboutPictures = MetaQuestion.aboutPictures(question);
        for (Candidate candidate : chosen) {
            String file = candidate.passage().chunk().article().file();
            String sentence = candidate.text(aboutPictures);
            String marker = " [" + numbers.getOrDefault(file, numbers.size() + 1) + "]";
            int room = maxChars - text.length() - (text.length() > 0 ? 1 : 0) - marker.length();
            if (sentence.length() > room && text.length() > 0) {
                continue; // a further sentence that does not fit is left out, never cut
            }
            numbers.putIfAbsent(file, numbers.size() + 1);
            byArticle.computeIfAbsent(file, f -> new ArrayList<>()).add(candidate);
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentence.length() <= room ? sentence : shorten(sentence, room)).append(marker);
        }
        List<Citation> citations = new ArrayList<>();
        byArticle.forEach((file, candidates) -> citations.add(citation(numbers.get(file), candidates)));
        return new Answer(question, text.toString(), true, citations, NAME, false, false, 0);
    }

    private static Citation citation(int n, List<Candidate> candidates) {
        Article article = candidates.get(0).passage().chunk().article();
        double score = candidates.stream().mapToDouble(c -> c.passage().similarity()).max().orElse(0);
        String quote = String.join(" … ", candidates.stream().map(Candidate::text).toList());
        return new Citation(n, article.file(), article.title(), article.date(), article.outlet(), article.url(),
                Math.round(score * 1000) / 1000.0, quote);
    }

    /** A sentence as shown: without a trailing photo credit such as "(Xinhua/Yin Bogu)". */
    static String display(String sentence) {
        String shown = PhotoCredit.removedFrom(sentence);
        return shown.isBlank() ? sentence : shown;
    }

    private static String shorten(String sentence, int room) {
        int cut = sentence.lastIndexOf(' ', Math.max(0, room - 1));
        return (cut > 0 ? sentence.substring(0, cut) : sentence.substring(0, Math.max(0, room - 1))) + "…";
    }
}
