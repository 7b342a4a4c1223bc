package com.ccabot.answer;

import java.util.List;

/**
 * A question after the understanding stage.
 *
 * @param question     the question as asked (cleaned, orders removed)
 * @param query        what is searched: the question; a follow-up with the question before it; or a backend's
 *                     standalone English rewrite of a follow-up or of a question in another script
 * @param script       the script the question is written in
 * @param history      the conversation's turns before it, oldest first
 * @param offlineFollowUp whether it is a follow-up searched with the question before it (no backend rewrote it),
 *                     found with that question and judged on its own words too
 */
public record Understood(String question, String query, QuestionScript script, List<Turn> history, boolean offlineFollowUp) {

    public Understood {
        history = List.copyOf(history);
    }

    /** What an answer to it is cached under: what is searched and what is asked, so follow-ups never mix. */
    public String cacheText() {
        return QuestionText.normalise(query) + "\u0000" + QuestionText.normalise(question);
    }

    /** The turn before it. */
    Turn lastTurn() {
        return history.get(history.size() - 1);
    }
}
