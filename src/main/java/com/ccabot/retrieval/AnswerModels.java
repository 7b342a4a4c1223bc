package com.ccabot.retrieval;

/**
 * The two learned models of the answer path: which sentence answers a question ({@code choice}) and whether the
 * best of them answer it at all ({@code answerability}). Shipped under {@code /model/}; the {@code fit} command
 * reproduces them from the question bank.
 */
public record AnswerModels(LogisticModel choice, LogisticModel answerability) {

    public static final String CHOICE_RESOURCE = "/model/sentence-choice.json";
    public static final String ANSWERABILITY_RESOURCE = "/model/answerability.json";

    public static AnswerModels shipped() {
        return new AnswerModels(LogisticModel.resource(CHOICE_RESOURCE), LogisticModel.resource(ANSWERABILITY_RESOURCE));
    }

    public EvidenceRanker ranker() {
        return new EvidenceRanker(choice);
    }

    public AnswerabilityGate gate() {
        return new AnswerabilityGate(answerability);
    }

    /** The gate with an operator's floors under the model (both 0: the model alone decides). */
    public AnswerabilityGate gate(double minSimilarity, double minCoverage) {
        return new AnswerabilityGate(answerability, minSimilarity, minCoverage);
    }
}
