package com.ccabot.eval;

import com.ccabot.answer.Answer;
import java.util.ArrayList;
import java.util.List;

/** How the bot did on one question of an eval set, and why it failed when it did. */
public record EvalResult(EvalQuestion question, Answer answer, boolean sourceHit, List<String> problems) {

    public EvalResult {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Grades an answer against what the question expects. */
    public static EvalResult grade(EvalQuestion question, Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.answered() != question.answered()) {
            problems.add(question.answered() ? "declined a question it should answer" : "answered a question it should decline");
        }
        if (question.answered() && answer.answered()) {
            for (List<String> group : question.facts()) {
                if (group.stream().noneMatch(answer.text()::contains)) {
                    problems.add("missing " + String.join(" | ", group));
                }
            }
        }
        boolean sourceHit = question.sources().isEmpty()
                || answer.citations().stream().anyMatch(c -> question.sources().contains(c.source()));
        if (question.answered() && answer.answered() && !sourceHit) {
            problems.add("cites none of " + question.sources());
        }
        return new EvalResult(question, answer, sourceHit, problems);
    }
}
