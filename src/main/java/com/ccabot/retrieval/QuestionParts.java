package com.ccabot.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message that asks several things ("Where was the summit held, and when was the alliance founded?")
 * into its questions, so each is searched on its own and none is drowned out by the others. A later question that
 * points back ("Who represented Uzbekistan, and what did he say about investment?") keeps the names of the one
 * before it, which it is about.
 */
public final class QuestionParts {

    /** A question mark, "and"/";" before a new question word, a ";" or a " + " starts another question. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "\\?+\\s*|\\s*(?:[,;]\\s*)?\\band\\s+(?=(?:when|where|who|whom|which|what|why|how)\\b)|\\s*;\\s*|\\s+\\+\\s+",
            Pattern.CASE_INSENSITIVE);
    /**
     * A word that stands for something named before it. Not "there" ("how many are there") nor "that" ("the
     * treaty that…"), which far more often point nowhere.
     */
    static final Pattern POINTS_BACK = Pattern.compile(
            "\\b(he|she|it|they|them|him|his|her|its|their|this|these|those|the same)\\b", Pattern.CASE_INSENSITIVE);
    /** A name: a capitalised word that does not begin the question, or a number. */
    private static final Pattern NAME = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}\\-']+|\\b\\d[\\d,.]*\\b");
    /** A part shorter than this is a fragment ("and you?"), not a question of its own. */
    private static final int MIN_WORDS = 3;

    private QuestionParts() {}

    /** The questions of a message; a single question comes back as the only element. */
    public static List<String> of(String message) {
        List<String> parts = new ArrayList<>();
        for (String part : BOUNDARY.split(message)) {
            String trimmed = part.strip();
            if (trimmed.split("\\s+").length >= MIN_WORDS) {
                parts.add(parts.isEmpty() ? trimmed : withNamesOf(parts.get(parts.size() - 1), trimmed));
            }
        }
        return parts.size() > 1 ? parts : List.of(message);
    }

    /** The part, with the names of the part before it added when it points back to them and names nothing itself. */
    private static String withNamesOf(String before, String part) {
        if (!POINTS_BACK.matcher(part).find() || NAME.matcher(part).find()) {
            return part;
        }
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(before);
        while (matcher.find()) {
            if (!names.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names.isEmpty() ? part : part + " (" + String.join(" ", names) + ")";
    }
}
