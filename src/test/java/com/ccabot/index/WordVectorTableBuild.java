package com.ccabot.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the shipped {@link WordVectorTable}: every whole word of letters in the model's vocabulary, embedded alone.
 * Run after the model changes:
 * {@code java -cp target/classes:target/test-classes:$(deps) com.ccabot.index.WordVectorTableBuild}
 * (about 10 s on two cores); {@code WordVectorTableTest} checks the table against the model.
 */
public final class WordVectorTableBuild {

    /** Two letters and more: "oil" and "gas" are words a question and an article may both use. */
    static final int MIN_LETTERS = 2;

    private WordVectorTableBuild() {
    }

    static List<String> words() {
        List<String> words = new ArrayList<>(ModelWords.read(MiniLmEmbeddingModel.TOKENIZER_RESOURCE, MIN_LETTERS));
        words.sort(null);
        return words;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "src/main/resources" + WordVectorTable.RESOURCE);
        MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(null, Runnable::run);
        List<String> words = words();
        long start = System.nanoTime();
        WordVectorTable.write(words, model, file);
        System.out.printf("%d words written to %s in %.1f s%n", words.size(), file, (System.nanoTime() - start) / 1e9);
    }
}
