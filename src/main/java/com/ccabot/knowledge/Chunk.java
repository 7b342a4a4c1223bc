package com.ccabot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A few consecutive sentences of one article, the unit that is embedded and searched.
 *
 * @param id            {@code file#position}, unique within a knowledge folder
 * @param article       the article the sentences come from
 * @param position      0-based position of this chunk within the article
 * @param firstSentence index of its first sentence in {@link Chunker#sentences(Article)}
 * @param sentences     the sentences, whole and in order
 */
public record Chunk(String id, Article article, int position, int firstSentence, List<String> sentences) {

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
        sentences = List.copyOf(sentences);
        if (position < 0 || firstSentence < 0) {
            throw new IllegalArgumentException("position and firstSentence must not be negative");
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a chunk needs at least one sentence");
        }
    }

    /** The sentences joined by single spaces: the text to embed and to quote. */
    public String text() {
        return String.join(" ", sentences);
    }
}
