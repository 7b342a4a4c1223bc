package com.ccabot.answer;

import com.ccabot.index.SentenceFeatures;
import com.ccabot.knowledge.Article;
import com.ccabot.retrieval.AnalysedQuestion;
import com.ccabot.retrieval.Passage;
import com.ccabot.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline backend: answers with the one to three sentences of the retrieved passages that best answer the
 * question, each followed by the marker of the article it comes from. Needs no model beyond the embeddings.
 *
 * <p>A sentence scores by its closeness in meaning to the question, the share of the question's words it holds,
 * the rank of its passage, and whether it holds the kind of fact asked for. The best sentence leads; another
 * joins only when it adds question words the first lacks (a question that spans two articles) or is nearly as
 * good, and only while the answer stays short.
 */
public final class ExtractiveBackend implements AnswerBackend {

    public static final String NAME = "extractive";

    // chosen on the dev set and our held-out set together; 0.6/0.2 and a runner-up threshold of 0.8 score the same
    private static final double WEIGHT_SIMILARITY = 0.6;
    private static final double WEIGHT_COVERAGE = 0.3;
    private static final double WEIGHT_PASSAGE = 0.1;
    private static final double WEIGHT_ANSWER_TYPE = 0.1;
    /** Captions, datelines and headings are rarely the answer. */
    private static final int SHORT_SENTENCE = 40;
    private static final double SHORT_PENALTY = 0.7;
    private static final double QUESTION_PENALTY = 0.6;
    /** A further sentence must add this share of the question's words, and score this close to the best. */
    private static final double MIN_GAIN = 0.2;
    private static final double MIN_RELATIVE_SCORE = 0.6;
    /** A runner-up this close may hold the fact the best sentence only frames, so it is shown too. */
    private static final double NEARLY_AS_GOOD = 0.85;
    private static final double REDUNDANT = 0.85;
    /** Room for a " [n]" marker after a sentence. */
    private static final int MARKER_ROOM = 5;
    private static final Pattern PHOTO_CREDIT = Pattern.compile("\\s*\\([^()]{0,80}/[^()]{0,80}\\)\\s*$");

    private final int maxSentences;
    private final int maxChars;

    public ExtractiveBackend(int maxSentences, int maxChars) {
        if (maxSentences < 1 || maxChars < 100) {
            throw new IllegalArgumentException("an answer needs at least one sentence and 100 characters");
        }
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer answer(String question, Retrieval retrieval) {
        if (!retrieval.relevant()) {
            return Answer.declined(question, Declines.notCovered(retrieval.index().articles().size()), NAME);
        }
        List<Candidate> chosen = retrieval.parts().isEmpty()
                ? choose(candidates(question, retrieval), retrieval.terms(), maxSentences)
                : chooseForEachPart(retrieval.parts());
        if (chosen.isEmpty()) {
            return Answer.declined(question, Declines.notCovered(retrieval.index().articles().size()), NAME);
        }
        return compose(question, chosen);
    }

    /** One sentence of a retrieved passage, scored against the question. */
    private record Candidate(String text, Passage passage, SentenceFeatures features, double score) {}

    /** A message asking several things gets the best sentence for each of its questions the articles cover. */
    private List<Candidate> chooseForEachPart(List<Retrieval> parts) {
        int perPart = Math.max(1, maxSentences / parts.size());
        List<Candidate> chosen = new ArrayList<>();
        for (Retrieval part : parts) {
            if (!part.relevant()) {
                continue;
            }
            for (Candidate candidate : choose(candidates(part.question(), part), part.terms(), perPart)) {
                if (chosen.size() < maxSentences && chosen.stream().noneMatch(c -> c.text().equals(candidate.text()))) {
                    chosen.add(candidate);
                }
            }
        }
        return chosen;
    }

    private static List<Candidate> candidates(String question, Retrieval retrieval) {
        AnswerType type = AnswerType.of(question);
        Optional<DefinitionQuestion> definition = DefinitionQuestion.of(question);
        Set<String> seen = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Passage passage : retrieval.passages()) {
            for (String sentence : passage.chunk().sentences()) {
                if (!seen.add(sentence)) {
                    continue; // chunks overlap by a sentence; the better-ranked passage claims it
                }
                if (!retrieval.alreadySaid().isEmpty() && retrieval.alreadySaid().contains(display(sentence))) {
                    continue; // a follow-up wants something new, not the last answer again
                }
                SentenceFeatures features = retrieval.index().sentence(sentence);
                double score = WEIGHT_SIMILARITY * features.similarity(retrieval.questionVector())
                        + WEIGHT_COVERAGE * retrieval.terms().coverageBy(features.terms())
                        + WEIGHT_PASSAGE * passage.score()
                        + WEIGHT_ANSWER_TYPE * (type.foundIn(sentence) ? 1 : 0)
                        + WEIGHT_ANSWER_TYPE * (definition.isPresent() && definition.get().describedIn(sentence) ? 1 : 0);
                if (sentence.length() < SHORT_SENTENCE) {
                    score *= SHORT_PENALTY;
                }
                if (sentence.strip().endsWith("?")) {
                    score *= QUESTION_PENALTY; // an interviewer's question frames the answer, it is not one
                }
                candidates.add(new Candidate(sentence, passage, features, score));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates;
    }

    private List<Candidate> choose(List<Candidate> candidates, AnalysedQuestion question, int maxSentences) {
        List<Candidate> chosen = new ArrayList<>();
        if (candidates.isEmpty()) {
            return chosen;
        }
        Candidate best = candidates.get(0);
        chosen.add(best);
        Set<String> covered = new HashSet<>(best.features().terms());
        int length = display(best.text()).length();
        for (Candidate candidate : candidates.subList(1, candidates.size())) {
            if (chosen.size() == maxSentences) {
                break;
            }
            double gain = gain(question, covered, candidate.features().terms());
            boolean adds = gain >= MIN_GAIN && candidate.score() >= MIN_RELATIVE_SCORE * best.score();
            boolean asGood = candidate.score() >= NEARLY_AS_GOOD * best.score();
            int added = display(candidate.text()).length() + MARKER_ROOM;
            if ((adds || asGood) && !redundant(candidate, chosen) && length + added <= maxChars) {
                chosen.add(candidate);
                covered.addAll(candidate.features().terms());
                length += added;
            }
        }
        return chosen;
    }

    /** The IDF-weighted share of the question's terms a sentence holds that the chosen sentences lack. */
    private static double gain(AnalysedQuestion question, Set<String> covered, Set<String> terms) {
        return question.share(term -> !covered.contains(term) && terms.contains(term));
    }

    private static boolean redundant(Candidate candidate, List<Candidate> chosen) {
        return chosen.stream().anyMatch(c -> c.features().similarity(candidate.features().vector()) > REDUNDANT);
    }

    private Answer compose(String question, List<Candidate> chosen) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, List<Candidate>> byArticle = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Candidate candidate : chosen) {
            String file = candidate.passage().chunk().article().file();
            String sentence = display(candidate.text());
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
        String quote = String.join(" … ", candidates.stream().map(c -> display(c.text())).toList());
        return new Citation(n, article.file(), article.title(), article.date(), article.outlet(), article.url(),
                Math.round(score * 1000) / 1000.0, quote);
    }

    /** A sentence as shown: without a trailing photo credit such as "(Xinhua/Yin Bogu)". */
    static String display(String sentence) {
        String shown = PHOTO_CREDIT.matcher(sentence).replaceAll("");
        return shown.isBlank() ? sentence : shown;
    }

    private static String shorten(String sentence, int room) {
        int cut = sentence.lastIndexOf(' ', Math.max(0, room - 1));
        return (cut > 0 ? sentence.substring(0, cut) : sentence.substring(0, Math.max(0, room - 1))) + "…";
    }
}
