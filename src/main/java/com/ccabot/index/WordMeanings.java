package com.ccabot.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a word of a question and a word of an article mean the same thing, judged by the embedding model on
 * the two words alone: "companies" and "enterprises", "workers" and "employees", "cost" and "price" are close
 * (0.74–0.85 with all-MiniLM-L6-v2), while words of one field that mean other things are not ("students" and
 * "teachers" 0.63, "gas" and "oil" 0.60, "export" and "import" 0.59). Used only where a question's word must be
 * found in a passage and is not found as written, so an asker need not use the article's own word.
 */
public final class WordMeanings {

    /**
     * The least similarity of two words taken to mean the same; chosen on the bank's validation split among
     * 0.60, 0.65, 0.70, 0.75 and 0.80 (51, 51, 49, 49 and 49 of 57 passed; the higher of the tied taken).
     */
    public static final double SAME_MEANING = 0.65;
    /** Words outside the table (names, typos) are embedded once each (20,000 words take ~31 MB). */
    private static final int REMEMBERED = 20_000;

    private final EmbeddingModel model;
    private final WordVectorTable table;
    private final double sameMeaning;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    /** @param table the model's vectors of words alone, computed beforehand; a word not in it is embedded when needed */
    public WordMeanings(EmbeddingModel model, WordVectorTable table, double sameMeaning) {
        this.model = model;
        this.table = table;
        this.sameMeaning = sameMeaning;
    }

    /** Whether {@code word} means the same as any of {@code others} (all written as in the text, any case). */
    public boolean anyAlike(String word, Collection<String> others) {
        return closest(word, others).isPresent();
    }

    /**
     * Of {@code others}, the word closest in meaning to {@code word} among those that mean the same; empty when
     * none does. A word is not its own synonym.
     */
    public Optional<String> closest(String word, Collection<String> others) {
        if (others.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(others.size() + 1);
        words.add(key(word));
        others.forEach(other -> words.add(key(other)));
        Map<String, float[]> known = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String each : words) {
            table.vector(each).ifPresentOrElse(vector -> known.put(each, vector), () -> unknown.add(each));
        }
        if (!unknown.isEmpty()) {
            known.putAll(vectors.getAll(unknown, this::embedAll));
        }
        float[] asked = known.get(words.get(0));
        String closest = null;
        double best = sameMeaning;
        int i = 1;
        for (String other : others) {
            double similarity = dot(asked, known.get(words.get(i++)));
            if (!key(other).equals(words.get(0)) && similarity >= best) {
                best = similarity;
                closest = other;
            }
        }
        return Optional.ofNullable(closest);
    }

    private Map<String, float[]> embedAll(Set<? extends String> words) {
        List<String> texts = List.copyOf(words);
        var embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        Map<String, float[]> result = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            result.put(texts.get(i), embeddings.get(i).vector());
        }
        return result;
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** The model's vectors have unit length: their dot product is their cosine. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
