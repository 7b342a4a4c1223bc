package com.ccabot.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a message that asks several things ("Where was the summit held, and when was the alliance founded?")
 * into its questions, so each is searched on its own and none is drowned out by the others.
 */
public final class QuestionParts {

    /** A question mark, or "and"/";" before a new question word, starts another question. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "\\?+\\s*|\\s*(?:[,;]\\s*)?\\band\\s+(?=(?:when|where|who|whom|which|what|why|how)\\b)|\\s*;\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A part shorter than this is a fragment ("and you?"), not a question of its own. */
    private static final int MIN_WORDS = 3;

    private QuestionParts() {}

    /** The questions of a message; a single question comes back as the only element. */
    public static List<String> of(String message) {
        List<String> parts = new ArrayList<>();
        for (String part : BOUNDARY.split(message)) {
            String trimmed = part.strip();
            if (trimmed.split("\\s+").length >= MIN_WORDS) {
                parts.add(trimmed);
            }
        }
        return parts.size() > 1 ? parts : List.of(message);
    }
}
