package com.ccabot.index;

import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.Chunk;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A searchable, immutable snapshot of the knowledge folder: its articles and chunks, the chunks' vectors in
 * langchain4j's in-memory embedding store, their lexical index, and each sentence's features.
 */
public final class KnowledgeIndex {

    /** One chunk found by vector search, with its cosine similarity to the query. */
    public record VectorHit(int chunk, double similarity) {}

    private final List<Article> articles;
    private final List<Chunk> chunks;
    private final InMemoryEmbeddingStore<TextSegment> vectors;
    private final float[][] chunkVectors;
    private final LexicalIndex lexical;
    private final Map<String, SentenceFeatures> sentences;
    private final EmbeddingModel model;
    private final TermAnalyzer analyzer;
    private final String version;
    private final IndexStats stats;
    private final Map<String, List<String>> articleSentences;
    private final Map<String, Set<String>> titleTerms;

    KnowledgeIndex(List<Article> articles, List<Chunk> chunks, InMemoryEmbeddingStore<TextSegment> vectors, float[][] chunkVectors,
                   LexicalIndex lexical, Map<String, SentenceFeatures> sentences, EmbeddingModel model,
                   TermAnalyzer analyzer, String version, IndexStats stats) {
        this.articles = List.copyOf(articles);
        this.chunks = List.copyOf(chunks);
        this.vectors = vectors;
        this.chunkVectors = chunkVectors;
        this.lexical = lexical;
        this.sentences = Map.copyOf(sentences);
        this.model = model;
        this.analyzer = analyzer;
        this.version = version;
        this.stats = stats;
        this.articleSentences = articleSentences(this.chunks);
        Map<String, Set<String>> titles = new HashMap<>();
        for (Article article : this.articles) {
            titles.put(article.file(), Set.copyOf(analyzer.terms(article.title())));
        }
        this.titleTerms = Map.copyOf(titles);
    }

    /** Each article's sentences in order, put back together from its chunks (which overlap by a sentence). */
    private static Map<String, List<String>> articleSentences(List<Chunk> chunks) {
        Map<String, TreeMap<Integer, String>> byArticle = new HashMap<>();
        for (Chunk chunk : chunks) {
            TreeMap<Integer, String> sentences = byArticle.computeIfAbsent(chunk.article().file(), f -> new TreeMap<>());
            for (int i = 0; i < chunk.sentences().size(); i++) {
                sentences.put(chunk.firstSentence() + i, chunk.sentences().get(i));
            }
        }
        Map<String, List<String>> ordered = new HashMap<>();
        byArticle.forEach((file, sentences) -> ordered.put(file, List.copyOf(sentences.values())));
        return Map.copyOf(ordered);
    }

    /** The sentences of an article of this index, in order; a chunk's sentence {@code j} is number {@code firstSentence + j}. */
    public List<String> sentencesOf(Article article) {
        return articleSentences.getOrDefault(article.file(), List.of());
    }

    /** The analysed terms of an article's title. */
    public Set<String> titleTerms(Article article) {
        return titleTerms.getOrDefault(article.file(), Set.of());
    }

    public List<Article> articles() {
        return articles;
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    public LexicalIndex lexical() {
        return lexical;
    }

    public TermAnalyzer analyzer() {
        return analyzer;
    }

    /** Changes whenever an article's text, title or the chunking changes; part of every answer-cache key. */
    public String version() {
        return version;
    }

    public IndexStats stats() {
        return stats;
    }

    /** The unit-length embedding of a question. */
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** The chunks nearest to a query vector, best first. */
    public List<VectorHit> nearest(float[] query, int max) {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(query))
                .maxResults(max)
                .minScore(0.0)
                .build();
        return vectors.search(request).matches().stream()
                .map(match -> new VectorHit(Integer.parseInt(match.embeddingId()), cosine(match)))
                .toList();
    }

    /** Cosine similarity between a chunk and a unit-length query vector. */
    public double similarity(int chunk, float[] query) {
        return Vectors.dot(chunkVectors[chunk], query);
    }

    /** The features of a sentence of some chunk of this index. */
    public SentenceFeatures sentence(String text) {
        SentenceFeatures features = sentences.get(text);
        if (features == null) {
            throw new IllegalArgumentException("not a sentence of this index: " + text);
        }
        return features;
    }

    /** langchain4j reports relevance as (cosine + 1) / 2; the gate and the citations speak cosine. */
    private static double cosine(EmbeddingMatch<TextSegment> match) {
        return 2 * match.score() - 1;
    }
}
