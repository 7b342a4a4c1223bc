package com.ccabot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups an article's sentences into chunks of at most maxChars, with one sentence of overlap.
 *
 * <p>Chunks are filled greedily. The last sentence of a chunk opens the next one, so that a fact
 * spread over two sentences is found whole in some chunk, unless that sentence and the next one
 * together would not fit. A sentence longer than maxChars becomes a chunk of its own: cutting it
 * would cite half a sentence.
 */
public final class Chunker {

    private final int maxChars;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** Creates a chunker whose chunks hold at most {@code maxChars} characters, long sentences aside. */
    public Chunker(int maxChars) {
        if (maxChars < 100) {
            throw new IllegalArgumentException("chunk size must be at least 100 characters");
        }
        this.maxChars = maxChars;
    }

    /** The most characters a chunk holds, long sentences aside. */
    public int maxChars() {
        return maxChars;
    }

    /** Returns the article's sentences in order: the index space of {@link Chunk#firstSentence()}. */
    public List<String> sentences(Article article) {
        return splitter.split(article.text());
    }

    /** Returns the article's chunks in order, positions 0 to n-1; none when the article has no sentence. */
    public List<Chunk> chunk(Article article) {
        List<String> sentences = sentences(article);
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        while (start < sentences.size()) {
            int end = start + 1;
            int length = sentences.get(start).length();
            while (end < sentences.size() && length + 1 + sentences.get(end).length() <= maxChars) {
                length += 1 + sentences.get(end).length();
                end++;
            }
            int position = chunks.size();
            chunks.add(new Chunk(article.file() + "#" + position, article, position, start,
                    sentences.subList(start, end)));
            start = end < sentences.size() && fitsWithNext(sentences, end - 1) ? end - 1 : end;
        }
        return List.copyOf(chunks);
    }

    /** Tells whether sentence {@code i} can open a chunk that also takes in sentence {@code i + 1}. */
    private boolean fitsWithNext(List<String> sentences, int i) {
        return sentences.get(i).length() + 1 + sentences.get(i + 1).length() <= maxChars;
    }
}
