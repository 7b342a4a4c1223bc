package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

/**
 * Decides whether the passages retrieved for a question answer it, so the bot declines instead of answering from
 * the nearest passage. It judges the place the answer would come from, not the knowledge as a whole: the
 * question's distinctive content (its names, numbers and years, and what it asks about: a population, a price, a
 * chair) must be found in the window around the best sentences. The decision is a learned {@link LogisticModel}
 * over those coverages, the sentence-choice score and closeness in meaning; a verdict that declines names the
 * words of the question the best window lacks.
 */
public final class AnswerabilityGate {

    /** The features of a question and its best evidence, in the order the model's weights are in. */
    public static final List<String> FEATURES = List.of("best_choice", "window_coverage", "names_missing",
            "corpus_coverage", "unknown_share", "best_similarity", "best_sentence_similarity", "missing_rarest", "question_length");
    /**
     * The direction each feature pushes, held in fitting ({@link LogisticModel#fit(List, double[][], boolean[], double, int[])}):
     * closeness and coverage speak for answering; missing names, unknown words and a rare word of the question absent
     * from the window speak against; a question's length either way.
     */
    public static final int[] SIGNS = {1, 1, -1, 1, -1, 1, 1, -1, 0};

    /** Missing names and numbers past this many say no more. */
    private static final int MANY_NAMES = 3;
    /** Content words past this many make a question no longer. */
    private static final int LONG_QUESTION = 8;
    private static final double LOGIT_LIMIT = 10;

    private final LogisticModel model;
    private final double minSimilarity;
    private final double minCoverage;

    /** A gate that the model alone decides. */
    public AnswerabilityGate(LogisticModel model) {
        this(model, 0, 0);
    }

    /**
     * @param minSimilarity an operator's floor: the least similarity of the best passage, whatever the model says
     * @param minCoverage   an operator's floor: the least share of the question's words in the best window
     */
    public AnswerabilityGate(LogisticModel model, double minSimilarity, double minCoverage) {
        if (minSimilarity < 0 || minSimilarity > 1 || minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("gate floors must be between 0 and 1");
        }
        if (!model.features().equals(FEATURES)) {
            throw new IllegalArgumentException("the answerability model has features " + model.features()
                    + ", expected " + FEATURES);
        }
        this.model = model;
        this.minSimilarity = minSimilarity;
        this.minCoverage = minCoverage;
    }

    public LogisticModel model() {
        return model;
    }

    public RelevanceVerdict judge(AnalysedQuestion question, List<Passage> passages, List<Evidence> evidence,
                                  EvidenceRanker ranker, KnowledgeIndex index) {
        double best = passages.stream().mapToDouble(Passage::similarity).max().orElse(0);
        double coverage = question.coverage();
        if (question.isEmpty() || evidence.isEmpty()) {
            return new RelevanceVerdict(false, best, coverage, "no content words to search for", List.of(), 0);
        }
        if (question.terms().stream().noneMatch(QuestionTerm::matched)) {
            // not one word of the question is in any article, even corrected: "How tall is Mount Everest?"
            List<String> words = question.terms().stream().map(QuestionTerm::word).distinct().toList();
            return new RelevanceVerdict(false, best, coverage, "no article mentions " + String.join(", ", words), words, 0);
        }
        List<WindowRequirements.Requirement> requirements = new ArrayList<>(
                WindowRequirements.of(question, index.analyzer(), index.meanings()));
        requirements.add(WindowRequirements.namedByArticle(question, evidence, index));
        Held held = new Held(requirements, evidence);
        for (int r = 0; r < requirements.size(); r++) {
            int requirement = r;
            if (IntStream.range(0, evidence.size()).noneMatch(e -> held.by(requirement, e))) {
                List<String> words = requirements.get(r).words();
                return new RelevanceVerdict(false, best, coverage, requirements.get(r).declines() + String.join(", ", words),
                        words, 0, RelevanceVerdict.Shortfall.REQUIREMENT);
            }
        }
        Optional<List<Evidence>> judged = judged(held, evidence);
        if (judged.isEmpty()) {
            List<String> words = requirements.stream().flatMap(r -> r.words().stream()).distinct().toList();
            return new RelevanceVerdict(false, best, coverage, "no one passage gives " + String.join(", ", words), words,
                    0, RelevanceVerdict.Shortfall.APART);
        }
        List<Evidence> holding = judged.get();
        double[] x = features(question, passages, holding, ranker, index);
        double probability = model.probability(x);
        List<String> missing = missing(question, holding.get(0).window());
        double windowCoverage = x[FEATURES.indexOf("window_coverage")];
        if (best < minSimilarity || windowCoverage < minCoverage) {
            return new RelevanceVerdict(false, best, coverage, "below the configured floor (similarity %.2f, coverage %.2f)"
                    .formatted(best, windowCoverage), missing, probability);
        }
        if (probability >= model.threshold()) {
            return new RelevanceVerdict(true, best, coverage, "answerable (%.2f)".formatted(probability), missing, probability);
        }
        if (missing.isEmpty() && question.terms().stream().anyMatch(QuestionTerm::rare)) {
            // a keyword query ("saxaul planting") is far in meaning from any sentence, so the model alone declines it;
            // a window holding every one of its words, a specific name among them, is about what it asks
            return new RelevanceVerdict(true, best, coverage, "the best window holds every word, a specific name among"
                    + " them (%.2f)".formatted(probability), missing, probability);
        }
        String reason = missing.isEmpty() ? "the best passages do not answer it (%.2f)".formatted(probability)
                : "the best passages lack " + String.join(", ", missing) + " (%.2f)".formatted(probability);
        return new RelevanceVerdict(false, best, coverage, reason, missing, probability);
    }

    /**
     * Declines a question asked on its own whose subject is only a pronoun ("and who unveiled them?" with nothing
     * before it): what it asks about is in a question not asked. Asked as a follow-up, it is judged with the question
     * before it instead.
     */
    public static RelevanceVerdict standingAlone(AnalysedQuestion question, RelevanceVerdict verdict) {
        Matcher pointing = QuestionParts.POINTS_BACK.matcher(question.corrected());
        if (!verdict.relevant() || question.terms().size() > 1 || question.terms().stream().anyMatch(QuestionTerm::salient)
                || !pointing.find()) {
            return verdict;
        }
        return new RelevanceVerdict(false, verdict.bestSimilarity(), verdict.coverage(),
                "it points back to something not said", List.of(pointing.group()), verdict.probability());
    }

    /**
     * The windows the model judges: those that meet every requirement at once, since an answer comes from one place
     * (a window with the question's country and another with what it asks about do not make an answer); empty when
     * no window does, and the question is declined before the model.
     */
    private static Optional<List<Evidence>> judged(Held held, List<Evidence> evidence) {
        List<Evidence> holding = new ArrayList<>();
        for (int e = 0; e < evidence.size(); e++) {
            if (held.byAll(e)) {
                holding.add(evidence.get(e));
            }
        }
        return holding.isEmpty() ? Optional.empty() : Optional.of(holding);
    }

    /**
     * Which window meets which requirement, each judged once when first asked: some requirements analyse the
     * window's text, and both the search for a requirement no window meets and the search for windows that meet
     * them all ask.
     */
    private static final class Held {

        private final List<WindowRequirements.Requirement> requirements;
        private final List<Evidence> evidence;
        private final Boolean[][] held;

        Held(List<WindowRequirements.Requirement> requirements, List<Evidence> evidence) {
            this.requirements = requirements;
            this.evidence = evidence;
            this.held = new Boolean[requirements.size()][evidence.size()];
        }

        boolean by(int requirement, int window) {
            if (held[requirement][window] == null) {
                held[requirement][window] = requirements.get(requirement).heldBy(evidence.get(window));
            }
            return held[requirement][window];
        }

        boolean byAll(int window) {
            for (int r = 0; r < requirements.size(); r++) {
                if (!by(r, window)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The sentences in the order an answer takes them: the windows that name every country the question names and
     * one of the years it names first, then the rest, each group best first, so that a question about Kazakhstan is
     * not answered with a closer-sounding sentence about Uzbekistan, nor one about 2016 with the report's lead; a
     * sentence that names the year itself, or whose article is dated in it, comes before one whose neighbour does.
     * (Other numbers are not used so: "the two centres" is incidental more often than it is what a sentence must
     * hold; a year a question names is what it asks about.)
     */
    public static List<Evidence> countriesAndYearsFirst(AnalysedQuestion question, List<Evidence> evidence,
                                                       KnowledgeIndex index) {
        WindowRequirements.Requirement countries = WindowRequirements.countries(question, index.analyzer());
        WindowRequirements.Requirement years = WindowRequirements.years(question);
        List<Evidence> byWindow = EvidenceRanker.holdingFirst(evidence, e -> countries.heldBy(e) && years.heldBy(e));
        Set<String> asked = WindowRequirements.yearTerms(question);
        // a sentence that names the year itself, or whose article is of that year, before one whose neighbour names it
        return asked.isEmpty() ? byWindow : EvidenceRanker.holdingFirst(byWindow, e -> countries.heldBy(e)
                && (index.sentence(e.text()).terms().stream().anyMatch(asked::contains)
                    || index.titleTerms(e.passage().chunk().article()).stream().anyMatch(asked::contains)));
    }

    /** The gate's features, for judging and for fitting the model. */
    public static double[] features(AnalysedQuestion question, List<Passage> passages, List<Evidence> evidence,
                                    EvidenceRanker ranker, KnowledgeIndex index) {
        Set<String> window = evidence.get(0).window();
        double logit = ranker.model().logit(evidence.get(0).features());
        return new double[] {
            Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logit)),
            question.coverageBy(window),
            Math.min(MANY_NAMES, namesMissing(question, window)) / (double) MANY_NAMES,
            question.coverage(),
            unknownShare(question),
            passages.stream().mapToDouble(Passage::similarity).max().orElse(0),
            evidence.stream().mapToDouble(e -> e.feature("sim_sentence")).max().orElse(0),
            missingRarest(question, window, index),
            // a keyword query of two or three words is less close in meaning to any sentence than a full question
            Math.min(LONG_QUESTION, question.terms().size()) / (double) LONG_QUESTION,
        };
    }

    /**
     * How many of the question's names, numbers, years and ordinals (written so, or rare in the knowledge) the
     * window lacks: "Kazakhstan" when the sentence is about Uzbekistan, "2020" when it gives 2013 and 2024.
     */
    private static long namesMissing(AnalysedQuestion question, Set<String> window) {
        return question.terms().stream().filter(t -> t.salient() || t.rare()).filter(t -> !window.contains(t.indexed())).count();
    }

    /** The IDF-weighted share of the question's terms that no article has, even corrected. */
    private static double unknownShare(AnalysedQuestion question) {
        return question.share(term -> question.terms().stream().anyMatch(t -> t.indexed().equals(term) && !t.matched()));
    }

    /** The rarest question term the window lacks, as a share of the rarity of a term the knowledge lacks (0–1). */
    private static double missingRarest(AnalysedQuestion question, Set<String> window, KnowledgeIndex index) {
        double unseen = index.lexical().idf(0);
        return question.terms().stream().filter(t -> !window.contains(t.indexed()))
                .mapToDouble(t -> Math.min(1, t.idf() / unseen)).max().orElse(0);
    }

    /** The words of the question, as typed, that the window lacks. */
    private static List<String> missing(AnalysedQuestion question, Set<String> window) {
        List<String> words = new ArrayList<>();
        for (QuestionTerm term : question.terms()) {
            if (!window.contains(term.indexed()) && !words.contains(term.word())) {
                words.add(term.word());
            }
        }
        return words;
    }
}
