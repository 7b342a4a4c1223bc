package com.ccabot.eval;

import com.ccabot.answer.Answer;
import com.ccabot.ask.QuestionPipeline;
import com.ccabot.answer.Declines;
import com.ccabot.answer.QuestionScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner of a question set: asks the answer service every question, retrieves for it on its own to see what
 * the answer stage was given, and grades the answer.
 */
public final class EvalRunner {

    /** How the declines given before any search begin: hostile, empty, too long and non-English messages. */
    private static final List<String> BEFORE_RETRIEVAL = beforeRetrieval();

    private final QuestionPipeline answers;

    public EvalRunner(QuestionPipeline answers) {
        this.answers = answers;
    }

    public EvalReport run(List<EvalQuestion> questions) {
        return new EvalReport(questions.stream().map(this::run).toList());
    }

    private EvalResult run(EvalQuestion question) {
        Answer answer = answers.answer(question.question());
        boolean before = declinedBeforeRetrieval(answer);
        ContextCheck context;
        try {
            context = ContextCheck.of(question, answers.retrieve(question.question()), before);
        } catch (RuntimeException e) {
            // the answer service turns such a failure into a decline; the eval counts it against retrieval
            context = new ContextCheck(false, before, "retrieval failed: " + e.getMessage());
        }
        return EvalResult.grade(question, answer, context);
    }

    /** Whether an answer is one of the declines the answer service gives before it searches. */
    static boolean declinedBeforeRetrieval(Answer answer) {
        return !answer.answered() && BEFORE_RETRIEVAL.stream().anyMatch(answer.text()::startsWith);
    }

    private static List<String> beforeRetrieval() {
        List<String> declines = new ArrayList<>(List.of(
                commonStart(Declines.aboutItself(1), Declines.aboutItself(2)),
                commonStart(Declines.tooLong(11, 1), Declines.tooLong(22, 2)),
                Declines.empty()));
        for (QuestionScript script : QuestionScript.values()) {
            declines.add(Declines.notEnglish(script));
        }
        return declines.stream().map(EvalRunner::firstSentence).toList();
    }

    /** The longest start two texts share: what a decline says whatever its figures. */
    private static String commonStart(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }

    /** A text up to the end of its first sentence, so that a decline is known by its opening words. */
    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
