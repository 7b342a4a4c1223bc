package com.ccabot.knowledge;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title and date that the first lines of a body announce when no front matter gives them, and
 * the body left once a line that only carried them is removed.
 *
 * @param title the title, or {@code null} when the body has no line to take it from
 * @param date  the date of a leading {@code date YYYY-MM-DD} line, or {@code null}
 * @param text  the body without that line or a title heading, trimmed
 */
record Headline(String title, LocalDate date, String text) {

    static final int MAX_TITLE = 120;

    /** A leading {@code date 2025-07-22 Some title} line, as scraped articles arrive. */
    private static final Pattern DATE_LINE =
            Pattern.compile("(?i)\\s*date:?\\s+(\\d{4})-(\\d{2})-(\\d{2})(?:\\s+(.*\\S))?\\s*");
    private static final Pattern HEADING = Pattern.compile("\\s{0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*");

    /** Reads the headline of {@code body} (with {@code \n} line ends), splitting a long first line with {@code splitter}. */
    static Headline read(String body, SentenceSplitter splitter) {
        String text = body.strip();
        LocalDate date = null;
        Matcher dateLine = DATE_LINE.matcher(firstLine(text));
        if (dateLine.matches()) {
            date = lenientDate(dateLine.group(1), dateLine.group(2), dateLine.group(3));
            text = withoutFirstLine(text);
            if (dateLine.group(4) != null) {
                return new Headline(dateLine.group(4), date, text);
            }
        }
        Matcher heading = HEADING.matcher(firstLine(text));
        if (heading.matches()) {
            String title = heading.group(1) == null || heading.group(1).isBlank() ? null : heading.group(1).strip();
            return new Headline(title, date, withoutFirstLine(text));
        }
        String first = firstLine(text);
        return new Headline(first.isBlank() ? null : titleFromLine(first, splitter), date, text);
    }

    /** A date from a file's own lines or name: one that does not exist is ignored, not an error. */
    static LocalDate lenientDate(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A line used as a title: whole when short, else its first sentence cut at a word to {@value #MAX_TITLE} characters. */
    private static String titleFromLine(String line, SentenceSplitter splitter) {
        List<String> sentences = splitter.split(line);
        String title = line.length() <= MAX_TITLE || sentences.isEmpty() ? line.strip() : sentences.get(0);
        if (title.length() <= MAX_TITLE) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE - 1);
        String head = title.substring(0, cut > 0 ? cut : MAX_TITLE - 1);
        return head.replaceAll("[\\s\\p{Punct}–—]+$", "") + "…";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String withoutFirstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(end + 1).strip();
    }
}
