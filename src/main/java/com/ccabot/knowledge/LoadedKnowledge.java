package com.ccabot.knowledge;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What loading a knowledge folder produced.
 *
 * @param dir      the folder, as an absolute path
 * @param articles the articles, sorted by file
 * @param skipped  the files that could not be used, sorted by file
 */
public record LoadedKnowledge(Path dir, List<Article> articles, List<SkippedFile> skipped) {

    public LoadedKnowledge {
        Objects.requireNonNull(dir, "dir");
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }
}
