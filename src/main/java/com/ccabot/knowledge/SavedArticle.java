package com.ccabot.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An article downloaded and saved into the knowledge folder as a Markdown file.
 *
 * @param file    the saved file
 * @param article the article as the loader reads it from that file
 */
public record SavedArticle(Path file, Article article) {

    public SavedArticle {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(article, "article");
    }
}
