package com.ccabot.knowledge;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What loading a knowledge folder produced.
 *
 * @param dir      the folder, as an absolute path
 * @param articles the articles, sorted by file
 * @param skipped  the files that could not be used, sorted by file
 * @param stamps   each article file's size and modification time as it was read, by file; empty when not known
 */
public record LoadedKnowledge(Path dir, List<Article> articles, List<SkippedFile> skipped, Map<String, FileStamp> stamps) {

    public LoadedKnowledge {
        Objects.requireNonNull(dir, "dir");
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
        stamps = Map.copyOf(stamps);
    }

    /** Articles whose files' stamps are not known. */
    public LoadedKnowledge(Path dir, List<Article> articles, List<SkippedFile> skipped) {
        this(dir, articles, skipped, Map.of());
    }
}
