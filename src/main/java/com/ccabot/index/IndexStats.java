package com.ccabot.index;

import java.time.Duration;

/** Figures of one indexing run, for the {@code index} command, logs and benchmarks. */
public record IndexStats(int articles, int skippedFiles, int chunks, int sentences, int embedded, int cacheHits,
                         Duration elapsed) {

    @Override
    public String toString() {
        return "%d articles (%d files skipped), %d chunks, %d sentences; embedded %d texts, %d from the cache; %d ms"
                .formatted(articles, skippedFiles, chunks, sentences, embedded, cacheHits, elapsed.toMillis());
    }
}
