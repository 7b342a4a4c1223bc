package com.ccabot.answer;

import java.util.regex.Pattern;

/**
 * Recognises a question that leans on the one before: it starts like a continuation ("and", "what about") or
 * points back with a pronoun ("when was it opened?"), and is short.
 */
final class FollowUp {

    private static final Pattern CONTINUES = Pattern.compile(
            "^(and|but|also|so|then|what about|how about|and what|what else)\\b"
                    + "|\\b(it|its|they|them|their|this|that|these|those|he|she|his|her)\\b"
                    // "there" points back ("what happened there?"), but not in "are there", "there were"
                    + "|(?<!\\b(?:is|are|was|were|be|been|being)\\s)\\bthere\\b(?!\\s+(?:is|are|was|were|will|would|has"
                    + "|have|had|'s|be|been|remain|seem|exist)\\b)(?!'s)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_WORDS = 14;

    private FollowUp() {}

    static boolean looksLike(String question) {
        return question.split("\\s+").length <= MAX_WORDS && CONTINUES.matcher(question.strip()).find();
    }
}
