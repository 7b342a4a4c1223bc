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
}
