package com.ccabot.answer;

import java.util.List;
import java.util.Optional;

/**
 * The understanding stage: tells a follow-up ("and who unveiled them?") from a question that stands alone, only by
 * how it reads, and decides what to search for. A backend with a model rewrites follow-ups and questions in
 * other scripts into standalone English; offline, a follow-up is searched together with the question before it.
 * (Words are normalised, corrected and split into questions by retrieval, on the index's own analysis.)
 */
public final class Understanding {

    private final AnswerBackend backend;

    public Understanding(AnswerBackend backend) {
        this.backend = backend;
    }

    public Understood understand(String question, List<Turn> history) {
        QuestionScript script = QuestionScript.of(question);
        boolean foreign = script != QuestionScript.LATIN;
        boolean followUp = !history.isEmpty() && FollowUp.looksLike(question);
        if (foreign || followUp) {
            Optional<String> rewritten = backend.searchQuery(question, followUp ? history : List.of());
            if (rewritten.isPresent()) {
                return new Understood(question, rewritten.get(), script, history, false);
            }
        }
        if (followUp) {
            String withContext = history.get(history.size() - 1).question() + " " + question;
            return new Understood(question, withContext, script, history, true);
        }
        return new Understood(question, question, script, history, false);
    }
}
