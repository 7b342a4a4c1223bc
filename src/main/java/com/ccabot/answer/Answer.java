package com.ccabot.answer;

import java.util.List;

/**
 * The bot's reply to one question: the text with its {@code [n]} markers, whether it answered or declined, the
 * numbered citations, which backend composed it, and how.
 *
 * @param fallback true when an LLM backend failed and the offline answer stands in for it
 */
public record Answer(String question, String text, boolean answered, List<Citation> citations, String backend,
                     boolean cached, boolean fallback, double latencyMs) {

    public Answer {
        citations = List.copyOf(citations);
    }

    /** A reply that declines, with no citations. */
    public static Answer declined(String question, String text, String backend) {
        return new Answer(question, text, false, List.of(), backend, false, false, 0);
    }

    public Answer withLatency(double millis) {
        return new Answer(question, text, answered, citations, backend, cached, fallback, millis);
    }

    /** This answer as served from the cache to a (possibly differently worded) question. */
    public Answer fromCache(String askedQuestion, double millis) {
        return new Answer(askedQuestion, text, answered, citations, backend, true, fallback, millis);
    }
}
