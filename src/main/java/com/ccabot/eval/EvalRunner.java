package com.ccabot.eval;

import com.ccabot.answer.AnswerService;
import java.util.List;

/** Runs a question set through the answer service and grades every answer. */
public final class EvalRunner {

    private final AnswerService answers;

    public EvalRunner(AnswerService answers) {
        this.answers = answers;
    }

    public EvalReport run(List<EvalQuestion> questions) {
        return new EvalReport(questions.stream()
                .map(question -> EvalResult.grade(question, answers.answer(question.question())))
                .toList());
    }
}
