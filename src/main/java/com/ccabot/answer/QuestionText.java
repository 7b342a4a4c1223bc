package com.ccabot.answer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into the question the pipeline reads: Unicode compatibility forms folded (full-width
 * letters, ligatures), control characters, HTML tags (script and style elements with their code) and Markdown decoration removed, spaces collapsed.
 */
public final class QuestionText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\t]]");
    /** A script or style element with what it holds: code, not words of the question. */
    private static final Pattern HTML_CODE = Pattern.compile("(?is)<(script|style)\\b[^<>]{0,200}>.*?</\\1\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^<>]{0,200}>");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("\\bhttps?://\\S+");
    private static final Pattern DECORATION = Pattern.compile("(?<![\\p{L}\\p{N}])[*_~`]+|[*_~`]+(?![\\p{L}\\p{N}])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s\\p{Po}&&[^%\"')\\]]]+$");

    private QuestionText() {}

    /** The question as the pipeline reads it. */
    public static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        text = CONTROL.matcher(text).replaceAll(" ");
        text = MARKDOWN_LINK.matcher(text).replaceAll("$1");
        text = HTML_CODE.matcher(text).replaceAll(" ");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = URL.matcher(text).replaceAll(" ");
        text = DECORATION.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The answer-cache key of a cleaned question: case, spacing and trailing punctuation do not matter. */
    public static String normalise(String cleaned) {
        String text = SPACES.matcher(cleaned.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return TRAILING_PUNCTUATION.matcher(text).replaceAll("");
    }
}
