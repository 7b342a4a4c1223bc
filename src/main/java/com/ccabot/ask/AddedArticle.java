package com.ccabot.ask;

import com.ccabot.knowledge.Article;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An article added from a URL that answers now come from.
 *
 * @param article  the article as loaded from its new file
 * @param file     the Markdown file it was saved as, in the knowledge folder
 * @param passages how many passages it was split into
 */
public record AddedArticle(Article article, Path file, int passages) {

    public AddedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(file, "file");
        if (passages < 0) {
            throw new IllegalArgumentException("passages must not be negative");
        }
    }
}
