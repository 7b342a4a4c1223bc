package com.ccabot.retrieval;

import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, read from its wording ("how many" wants a number, "when" a date), so
 * that among equally relevant sentences the one holding that kind of fact is preferred.
 */
enum AnswerType {
    NUMBER(Pattern.compile("\\b(how (many|much|large|big|long|far)|what (number|percentage|share|amount|proportion)|by how)\\b"),
            // a count or an amount: not an ordinal ("12th") and not a year
            Pattern.compile("(?<![\\d.,])(?!(?:19|20)\\d\\d(?![\\d,.%]))\\d[\\d,.]*(?!\\d|st|nd|rd|th)"
                    + "|\\b(two|three|four|five|six|seven|eight|nine|ten|dozen|hundreds?|thousands?|millions?|billions?)\\b",
                    Pattern.CASE_INSENSITIVE)),
    DATE(Pattern.compile("\\b(when|what (year|date|day|month)|which (year|date|day|month)|since when)\\b"),
            Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d|January|February|March|April|May|June|July|August|September|"
                    + "October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|"
                    + "Wednesday|Thursday|Friday|Saturday|Sunday)\\b")),
    PLACE(Pattern.compile("\\b(where|in which (city|country|place)|what (city|country|place))\\b"),
            Pattern.compile("\\b(in|at|to|from) (the )?\\p{Lu}\\p{L}+")),
    PERSON(Pattern.compile("\\b(who|whom|whose|which (leader|official|president|minister|person|people))\\b"),
            Pattern.compile("\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+")),
    OTHER(null, null);

    /** Between words: anything but letters, digits and the separators inside numbers. */
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N},.]+|(?<!\\d)[,.]|[,.](?!\\d)");

    private final Pattern asks;
    private final Pattern answers;

    AnswerType(Pattern asks, Pattern answers) {
        this.asks = asks;
        this.answers = answers;
    }

    static AnswerType of(String question) {
        String lower = question.toLowerCase(java.util.Locale.ROOT);
        for (AnswerType type : values()) {
            if (type.asks != null && type.asks.matcher(lower).find()) {
                return type;
            }
        }
        return OTHER;
    }

    /**
     * Whether a sentence holds a fact of this kind that the question does not already say: for "Which presidents
     * opened the Central Asia-China pipeline?" the sentence that names "Hu Jintao", not the one that repeats
     * "Central Asia". Every sentence does for OTHER.
     */
    boolean newIn(String sentence, String question) {
        if (answers == null) {
            return true;
        }
        java.util.Set<String> asked = words(question);
        java.util.regex.Matcher matcher = answers.matcher(sentence);
        while (matcher.find()) {
            if (!asked.containsAll(words(matcher.group()))) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<String> words(String text) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String word : WORD_BREAK.split(text.toLowerCase(java.util.Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word.replace(",", ""));
            }
        }
        return words;
    }
}
