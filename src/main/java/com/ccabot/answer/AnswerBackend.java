package com.ccabot.answer;

import com.ccabot.retrieval.Retrieval;

/**
 * Composes the answer to a question from the passages retrieval found for it. Implementations: the offline
 * extractive backend (the default), and LLM backends.
 */
public interface AnswerBackend {

    /** The name reported in answers and used in cache keys, e.g. {@code extractive}. */
    String name();

    /**
     * Answers from the retrieved passages, or declines when the gate found nothing relevant. Must cite only the
     * passages given and must not throw for any question.
     */
    Answer answer(String question, Retrieval retrieval);

    /**
     * A standalone English search query for a question the retrieval cannot use as it is — in another language,
     * or a follow-up that needs the conversation before it ({@code history}, oldest first) — or empty when this
     * backend cannot make one. The answer is still written for the question as asked.
     */
    default java.util.Optional<String> searchQuery(String question, java.util.List<Turn> history) {
        return java.util.Optional.empty();
    }

    /** What this backend has done, for statistics (calls, tokens); empty when there is nothing to tell. */
    default String figures() {
        return "";
    }
}
