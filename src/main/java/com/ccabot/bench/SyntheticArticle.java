package com.ccabot.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One generated article, as the knowledge folder takes it: Markdown with front matter (title, date, source,
 * author, url) and a comment saying that it is synthetic.
 *
 * @param date   its date, or null
 * @param author its author, or null
 */
record SyntheticArticle(String title, LocalDate date, String outlet, String author, List<String> paragraphs) {

    private static final int MAX_SLUG = 60;

    SyntheticArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The name of its file: the date and the title's words, as the shipped articles are named. */
    String fileName() {
        String slug = slug();
        return date == null ? slug + ".md" : date + "-" + slug + ".md";
    }

    String slug() {
        String words = title.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (words.length() <= MAX_SLUG) {
            return words;
        }
        int cut = words.lastIndexOf('-', MAX_SLUG);
        return words.substring(0, cut > 0 ? cut : MAX_SLUG);
    }

    /** The file's text; {@code file} is the name it is saved under, which its made-up URL ends with. */
    String markdown(String file) {
        StringBuilder text = new StringBuilder("---\n");
        text.append("# synthetic: written by cca-bot bench --chunks, not real news\n");
        text.append("title: ").append(quoted(title)).append('\n');
        if (date != null) {
            text.append("date: ").append(date).append('\n');
        }
        text.append("source: ").append(quoted(outlet)).append('\n');
        if (author != null) {
            text.append("author: ").append(quoted(author)).append('\n');
        }
        String site = outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        text.append("url: https://").append(site).append(".example/news/").append(file.replaceAll("\\.md$", ".html"))
                .append('\n');
        text.append("---\n");
        for (String paragraph : paragraphs) {
            text.append('\n').append(paragraph).append('\n');
        }
        return text.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
