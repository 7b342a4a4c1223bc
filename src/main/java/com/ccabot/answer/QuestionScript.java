package com.ccabot.answer;

/**
 * The writing system a question is mostly written in. The offline pipeline reads English only, so a question in
 * another script is told so in that script instead of getting an answer matched on nothing.
 */
public enum QuestionScript {
    LATIN, CYRILLIC, HAN, OTHER;

    /** The script of most of the question's letters; LATIN when it has none. */
    public static QuestionScript of(String text) {
        int latin = 0;
        int cyrillic = 0;
        int han = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            i += Character.charCount(point);
            if (!Character.isLetter(point)) {
                continue;
            }
            switch (Character.UnicodeScript.of(point)) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case HAN, HIRAGANA, KATAKANA, BOPOMOFO -> han++;
                default -> other++;
            }
        }
        int letters = latin + cyrillic + han + other;
        if (letters == 0 || latin * 2 >= letters) {
            return LATIN;
        }
        if (cyrillic >= han && cyrillic >= other) {
            return CYRILLIC;
        }
        return han >= other ? HAN : OTHER;
    }
}
