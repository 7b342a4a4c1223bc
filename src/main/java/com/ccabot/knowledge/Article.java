package com.ccabot.knowledge;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One article of the knowledge folder.
 *
 * @param file   the path relative to the knowledge folder, with {@code /} separators; what citations name
 * @param title  the title, from front matter, the first heading or line, or the file name
 * @param date   the publication date, or {@code null} when the file does not say
 * @param outlet the outlet that published it (front matter {@code source}), or {@code null}
 * @param author the author, or {@code null}
 * @param url    where it was published, or {@code null}
 * @param lang   its language tag, or {@code null}
 * @param text   the body without front matter, with {@code \n} line ends, trimmed
 */
public record Article(String file, String title, LocalDate date, String outlet, String author, String url,
                      String lang, String text) {

    public Article {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
