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
     * Answers, passing the text written so far to {@code partial} as it grows, for backends that stream; the
     * answer returned is the same, checked answer as without streaming. Others just answer.
     */
    default Answer answer(String question, Retrieval retrieval, java.util.function.Consumer<String> partial) {
        return answer(question, retrieval);
    }

    /** Whether answers arrive in pieces through {@link #answer(String, Retrieval, java.util.function.Consumer)}. */
    default boolean streams() {
        return false;
    }

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

    /** Registers the backend's own meters (model calls, tokens, its circuit breaker); the offline one has none. */
    default void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {}
}
