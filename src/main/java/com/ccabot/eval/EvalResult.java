package com.ccabot.eval;

import com.ccabot.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the bot did on one question of an eval set, why it failed when it did, and what its retrieval held.
 *
 * @param context what the passages found for the question held; {@code null} when graded without a retrieval
 */
public record EvalResult(EvalQuestion question, Answer answer, boolean sourceHit, List<String> problems,
                         ContextCheck context) {

    public EvalResult {
        problems = List.copyOf(problems);
    }

    /** A result graded without a retrieval: no context recall, no failing stage. */
    public EvalResult(EvalQuestion question, Answer answer, boolean sourceHit, List<String> problems) {
        this(question, answer, sourceHit, problems, null);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The stage that failed, when the question failed and its retrieval is known. */
    public Optional<FailureStage> stage() {
        return context == null ? Optional.empty()
                : FailureStage.of(question, answer, context.holdsFacts(), context.declinedBeforeRetrieval());
    }

    /** Grades an answer against what the question expects. */
    public static EvalResult grade(EvalQuestion question, Answer answer) {
        return new EvalResult(question, answer, sourceHit(question, answer), problems(question, answer));
    }

    /** Grades an answer against what the question expects, keeping what its retrieval held. */
    public static EvalResult grade(EvalQuestion question, Answer answer, ContextCheck context) {
        return new EvalResult(question, answer, sourceHit(question, answer), problems(question, answer), context);
    }

    /** What is wrong with an answer to a question: empty when it passes. */
    static List<String> problems(EvalQuestion question, Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.answered() != question.answered()) {
            problems.add(question.answered() ? "declined a question it should answer" : "answered a question it should decline");
        }
        if (question.answered() && answer.answered()) {
            missing(question.facts(), answer.text()).forEach(group -> problems.add("missing " + String.join(" | ", group)));
            if (!sourceHit(question, answer)) {
                problems.add("cites none of " + question.sources());
            }
        }
        return problems;
    }

    /** The groups of facts none of whose alternatives the text contains (case-sensitive substrings). */
    static List<List<String>> missing(List<List<String>> facts, String text) {
        return facts.stream().filter(group -> group.stream().noneMatch(text::contains)).toList();
    }

    private static boolean sourceHit(EvalQuestion question, Answer answer) {
        return question.sources().isEmpty()
                || answer.citations().stream().anyMatch(c -> question.sources().contains(c.source()));
    }
}
