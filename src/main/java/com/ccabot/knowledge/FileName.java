package com.ccabot.knowledge;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the name of a knowledge file says about its article.
 *
 * @param date  the date of a {@code YYYY-MM-DD-} prefix, or {@code null} when there is none or the day does not exist
 * @param title the name without date prefix and extension, as words: the title of last resort
 */
record FileName(LocalDate date, String title) {

    private static final int MAX_SLUG = 60;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DATE_PREFIX = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[-_ ]+|$)");

    /** Reads the name of {@code file}, a relative path with {@code /} separators. */
    static FileName of(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Matcher prefix = DATE_PREFIX.matcher(stem);
        LocalDate date = null;
        String rest = stem;
        if (prefix.lookingAt()) {
            date = Headline.lenientDate(prefix.group(1), prefix.group(2), prefix.group(3));
            rest = stem.substring(prefix.end());
        }
        String words = rest.replaceAll("[-_\\s]+", " ").strip();
        if (words.isEmpty()) {
            words = stem;
        }
        return new FileName(date, words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1));
    }

    /**
     * The name of a new Markdown file for an article: {@code 2025-06-17-title-in-words.md}, or without the date
     * prefix when there is no date. The words keep their letters in any script, lower case and without accents.
     */
    static String forArticle(LocalDate date, String title) {
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String words = NOT_WORD.matcher(APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("-");
        String slug = words.replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SLUG);
            slug = slug.substring(0, cut > MAX_SLUG / 2 ? cut : MAX_SLUG).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            slug = "article";
        }
        return (date == null ? "" : date + "-") + slug + ".md";
    }
}
