package com.ccabot.eval;

import com.ccabot.answer.ExtractiveBackend;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.retrieval.AnswerModels;
import com.ccabot.retrieval.AnswerabilityGate;
import com.ccabot.retrieval.Evidence;
import com.ccabot.retrieval.EvidenceRanker;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.LogisticModel;
import com.ccabot.retrieval.RankFusion;
import com.ccabot.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Fits the answer path's two models on the {@code train} split of a question bank and chooses their constants on
 * its {@code validation} split: the sentence-choice model from the sentences that answer each question
 * ({@code answer_quotes}), the answerability model from questions to answer and questions to decline, its
 * threshold, and the share of the best score a further sentence needs. Deterministic: the same bank and articles
 * give the same models.
 */
public final class ModelFitter {

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    static final double[] PENALTIES = {0.001, 0.01, 0.1};
    static final double[] FURTHER_SHARES = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Two texts sharing this share of their words are the same sentence, however the splitter cut them. */
    private static final double SAME_SENTENCE = 0.8;

    /** Models that know nothing yet: sentence features and gate features do not depend on them. */
    private static final AnswerModels NEUTRAL = new AnswerModels(LogisticModel.neutral(EvidenceRanker.FEATURES),
            LogisticModel.neutral(AnswerabilityGate.FEATURES));

    private final KnowledgeIndex index;
    private final RankFusion fusion;
    private final int topK;
    private final int maxSentences;
    private final int maxChars;
    private final StringBuilder report = new StringBuilder();

    public ModelFitter(KnowledgeIndex index, RankFusion fusion, int topK, int maxSentences, int maxChars) {
        this.index = index;
        this.fusion = fusion;
        this.topK = topK;
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
    }

    /** What the last {@link #fit} did, line by line, with its train and validation figures. */
    public String report() {
        return report.toString();
    }

    public AnswerModels fit(List<EvalQuestion> bank) {
        report.setLength(0);
        List<EvalQuestion> train = split(bank, TRAIN);
        List<EvalQuestion> validation = split(bank, VALIDATION);
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("the question bank needs questions of both splits, train and validation");
        }
        LogisticModel choice = fitChoice(train, validation);
        LogisticModel answerability = fitAnswerability(choice, train, validation);
        double share = chooseFurtherShare(new AnswerModels(choice, answerability), train, validation);
        return new AnswerModels(choice.withSetting(ExtractiveBackend.FURTHER_SHARE, share), answerability);
    }

    private static List<EvalQuestion> split(List<EvalQuestion> bank, String split) {
        return bank.stream().filter(q -> q.split().equals(split)).toList();
    }

    // ---- sentence choice

    private record Rows(List<double[]> x, List<Boolean> y) {
        Rows() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        double[][] matrix() {
            return x.toArray(double[][]::new);
        }

        boolean[] labels() {
            boolean[] labels = new boolean[y.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = y.get(i);
            }
            return labels;
        }
    }

    private LogisticModel fitChoice(List<EvalQuestion> train, List<EvalQuestion> validation) {
        HybridRetriever retriever = retriever(NEUTRAL);
        Rows rows = new Rows();
        for (EvalQuestion question : withQuotes(train)) {
            for (Evidence evidence : evidence(retriever.retrieve(question.question()))) {
                rows.x().add(evidence.features());
                rows.y().add(answers(evidence, question.answerQuotes()));
            }
        }
        // the sentences' features do not depend on the model: each question is retrieved once, then scored by each
        List<Candidates> trainCandidates = candidates(retriever, train);
        List<Candidates> validationCandidates = candidates(retriever, validation);
        LogisticModel best = null;
        double bestHits = -1;
        for (double penalty : PENALTIES) {
            LogisticModel model = LogisticModel.fit(EvidenceRanker.FEATURES, rows.matrix(), rows.labels(), penalty);
            double hits = topSentenceHits(model, validationCandidates);
            report.append("sentence choice, L2 %.3f: the best sentence answers %.1f%% of validation questions%n"
                    .formatted(penalty, 100 * hits));
            if (hits > bestHits) {
                best = model;
                bestHits = hits;
            }
        }
        report.append("sentence choice: the best sentence answers %.1f%% of train, %.1f%% of validation questions%n"
                .formatted(100 * topSentenceHits(best, trainCandidates), 100 * bestHits));
        return best;
    }

    /** The sentences retrieval offers for a question with answer quotes, in retrieval's order. */
    private record Candidates(EvalQuestion question, List<Evidence> sentences) {}

    private static List<Candidates> candidates(HybridRetriever retriever, List<EvalQuestion> questions) {
        return withQuotes(questions).stream()
                .map(q -> new Candidates(q, retriever.retrieve(q.question()).evidence())).toList();
    }

    /** The share of questions whose best-scored sentence (the first of equals) is one that answers them. */
    private static double topSentenceHits(LogisticModel choice, List<Candidates> questions) {
        long hits = questions.stream().filter(c -> {
            Evidence top = null;
            double best = Double.NEGATIVE_INFINITY;
            for (Evidence evidence : c.sentences()) {
                double score = choice.probability(evidence.features());
                if (score > best) {
                    top = evidence;
                    best = score;
                }
            }
            return top != null && answers(top, c.question().answerQuotes());
        }).count();
        return questions.isEmpty() ? 0 : (double) hits / questions.size();
    }

    private static List<EvalQuestion> withQuotes(List<EvalQuestion> questions) {
        return questions.stream().filter(q -> q.answered() && !q.answerQuotes().isEmpty()).toList();
    }

    /** The sentences a retrieval scored: each part's for a message that asks several things. */
    private static List<Evidence> evidence(Retrieval retrieval) {
        if (retrieval.parts().isEmpty()) {
            return retrieval.evidence();
        }
        return retrieval.parts().stream().flatMap(part -> part.evidence().stream()).toList();
    }

    static boolean answers(Evidence evidence, List<String> quotes) {
        Set<String> words = words(evidence.text());
        for (String quote : quotes) {
            Set<String> quoted = words(quote);
            if (quoted.isEmpty() || words.isEmpty()) {
                continue;
            }
            long shared = quoted.stream().filter(words::contains).count();
            if (shared >= SAME_SENTENCE * Math.min(quoted.size(), words.size())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()
                .split(" ")));
    }

    // ---- answerability

    private LogisticModel fitAnswerability(LogisticModel choice, List<EvalQuestion> train, List<EvalQuestion> validation) {
        AnswerModels models = new AnswerModels(choice, NEUTRAL.answerability());
        HybridRetriever retriever = retriever(models);
        Rows trainRows = gateRows(retriever, models.ranker(), gated(train));
        Rows validationRows = gateRows(retriever, models.ranker(), gated(validation));
        LogisticModel best = null;
        double bestAccuracy = -1;
        for (double penalty : PENALTIES) {
            LogisticModel model = LogisticModel.fit(AnswerabilityGate.FEATURES, trainRows.matrix(), trainRows.labels(), penalty,
                    AnswerabilityGate.SIGNS);
            model = model.withThreshold(threshold(model, validationRows));
            double accuracy = accuracy(model, validationRows);
            report.append("answerability, L2 %.3f, threshold %.2f: %.1f%% of validation questions judged right%n"
                    .formatted(penalty, model.threshold(), 100 * accuracy));
            // of penalties equally good on validation, the strongest: a few dozen questions to decline fit no more
            if (accuracy >= bestAccuracy) {
                best = model;
                bestAccuracy = accuracy;
            }
        }
        report.append("answerability: %s on train, %s on validation%n"
                .formatted(confusion(best, trainRows), confusion(best, validationRows)));
        return best;
    }

    /** The questions the gate decides: facts to answer and questions to decline (hostile ones stop earlier). */
    private static List<EvalQuestion> gated(List<EvalQuestion> questions) {
        return questions.stream().filter(q -> q.kind().equals("fact") || q.kind().equals("refuse")).toList();
    }

    private Rows gateRows(HybridRetriever retriever, EvidenceRanker ranker, List<EvalQuestion> questions) {
        Rows rows = new Rows();
        for (EvalQuestion question : questions) {
            Retrieval retrieval = retriever.retrieve(question.question());
            if (!retrieval.relevant()) {
                continue; // declined before the model: no content words, or no passage gives the question's numbers
            }
            rows.x().add(AnswerabilityGate.features(retrieval.terms(), retrieval.passages(), retrieval.evidence(), ranker, index));
            rows.y().add(question.answered());
        }
        return rows;
    }

    /**
     * The threshold with the most validation questions judged right; of a run of equally good thresholds, its
     * middle, so that neither side is favoured by the grid.
     */
    private static double threshold(LogisticModel model, Rows validation) {
        List<Double> best = new ArrayList<>();
        double bestAccuracy = -1;
        for (int step = 5; step <= 95; step++) {
            double threshold = step / 100.0;
            double accuracy = accuracy(model.withThreshold(threshold), validation);
            if (accuracy > bestAccuracy + 1e-9) {
                best.clear();
                bestAccuracy = accuracy;
            }
            if (Math.abs(accuracy - bestAccuracy) <= 1e-9) {
                best.add(threshold);
            }
        }
        return best.get(best.size() / 2);
    }

    /**
     * The share of questions judged right, answered or declined: what a user sees, and what the question sets are
     * graded by. (Balanced accuracy, tried first, weighs each of the few questions to decline as several answerable
     * ones and chose thresholds that declined a fifth of the validation facts.)
     */
    private static double accuracy(LogisticModel model, Rows rows) {
        long right = 0;
        for (int i = 0; i < rows.x().size(); i++) {
            right += model.says(rows.x().get(i)) == rows.y().get(i) ? 1 : 0;
        }
        return rows.x().isEmpty() ? 0 : (double) right / rows.x().size();
    }

    private static String confusion(LogisticModel model, Rows rows) {
        int answerable = 0;
        int answered = 0;
        int unanswerable = 0;
        int declined = 0;
        for (int i = 0; i < rows.x().size(); i++) {
            boolean says = model.says(rows.x().get(i));
            if (rows.y().get(i)) {
                answerable++;
                answered += says ? 1 : 0;
            } else {
                unanswerable++;
                declined += says ? 0 : 1;
            }
        }
        return "%d/%d answerable let through, %d/%d to decline declined".formatted(answered, answerable, declined, unanswerable);
    }

    // ---- further sentences

    /**
     * The share of the best sentence's score a further sentence needs: the one with the most validation facts
     * passing; of shares equally good there, the one with the most train facts passing (train breaks the ties
     * validation leaves, it chooses nothing alone); of a run still equal, its middle.
     */
    private double chooseFurtherShare(AnswerModels models, List<EvalQuestion> train, List<EvalQuestion> validation) {
        HybridRetriever retriever = retriever(models);
        List<EvalQuestion> facts = validation.stream().filter(q -> q.kind().equals("fact")).toList();
        List<EvalQuestion> trainFacts = train.stream().filter(q -> q.kind().equals("fact")).toList();
        Map<String, Retrieval> retrieved = new java.util.HashMap<>();
        facts.forEach(q -> retrieved.put(q.id(), retriever.retrieve(q.question())));
        trainFacts.forEach(q -> retrieved.put(q.id(), retriever.retrieve(q.question())));
        List<Double> best = new ArrayList<>();
        long bestPassed = -1;
        long bestOnTrain = -1;
        for (double share : FURTHER_SHARES) {
            ExtractiveBackend backend = new ExtractiveBackend(maxSentences, maxChars, share);
            Function<EvalQuestion, EvalResult> grade = q -> EvalResult.grade(q, backend.answer(q.question(), retrieved.get(q.id())));
            long passed = facts.stream().map(grade).filter(EvalResult::passed).count();
            long onTrain = trainFacts.stream().map(grade).filter(EvalResult::passed).count();
            report.append("further sentences at %.1f of the best score: %d/%d validation facts pass (train %d/%d)%n"
                    .formatted(share, passed, facts.size(), onTrain, trainFacts.size()));
            if (passed > bestPassed || passed == bestPassed && onTrain > bestOnTrain) {
                best.clear();
                bestPassed = passed;
                bestOnTrain = onTrain;
            }
            if (passed == bestPassed && onTrain == bestOnTrain) {
                best.add(share);
            }
        }
        double chosen = best.get(best.size() / 2);
        report.append("further sentences: share %.1f chosen on validation, ties broken by train%n".formatted(chosen));
        return chosen;
    }

    private HybridRetriever retriever(AnswerModels models) {
        return new HybridRetriever(index, fusion, models.ranker(), models.gate(), topK);
    }
}
