package com.ccabot.knowledge;

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
}
