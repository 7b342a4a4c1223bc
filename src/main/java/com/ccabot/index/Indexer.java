package com.ccabot.index;

import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.Chunk;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.LoadedKnowledge;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns loaded articles into a {@link KnowledgeIndex}: chunks them, embeds every chunk (with its article's title,
 * which tells the model what the chunk is about) and every sentence, through the on-disk embedding cache, and
 * builds the lexical index beside the vectors.
 */
public final class Indexer {

    private final EmbeddingModel model;
    private final String modelId;
    private final Chunker chunker;
    private final Path cacheDir;
    private final TermAnalyzer analyzer = new TermAnalyzer();

    /** @param cacheDir where embeddings are kept between runs; null keeps them in memory only */
    public Indexer(EmbeddingModel model, String modelId, Chunker chunker, Path cacheDir) {
        this.model = model;
        this.modelId = modelId;
        this.chunker = chunker;
        this.cacheDir = cacheDir;
    }

    public KnowledgeIndex index(LoadedKnowledge knowledge) {
        long start = System.nanoTime();
        List<Chunk> chunks = new ArrayList<>();
        Set<String> sentenceTexts = new LinkedHashSet<>();
        for (Article article : knowledge.articles()) {
            for (Chunk chunk : chunker.chunk(article)) {
                chunks.add(chunk);
                sentenceTexts.addAll(chunk.sentences());
            }
        }
        List<String> chunkTexts = chunks.stream().map(Indexer::embeddedText).toList();

        EmbeddingCache cache = EmbeddingCache.open(cacheDir, modelId, model.dimension());
        Map<String, float[]> embedded = embed(cache, chunkTexts, sentenceTexts);
        cache.save();

        InMemoryEmbeddingStore<TextSegment> vectors = new InMemoryEmbeddingStore<>();
        List<String> ids = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        float[][] chunkVectors = new float[chunks.size()][];
        for (int i = 0; i < chunks.size(); i++) {
            chunkVectors[i] = embedded.get(chunkTexts.get(i));
            ids.add(Integer.toString(i));
            embeddings.add(Embedding.from(chunkVectors[i]));
            segments.add(TextSegment.from(chunks.get(i).text()));
        }
        vectors.addAll(ids, embeddings, segments);

        Map<String, SentenceFeatures> sentences = new HashMap<>();
        for (String text : sentenceTexts) {
            sentences.put(text, new SentenceFeatures(embedded.get(text), new LinkedHashSet<>(analyzer.terms(text))));
        }
        LexicalIndex lexical = LexicalIndex.build(chunks, analyzer);
        IndexStats stats = new IndexStats(knowledge.articles().size(), knowledge.skipped().size(), chunks.size(),
                sentenceTexts.size(), cache.misses(), cache.hits(), Duration.ofNanos(System.nanoTime() - start));
        return new KnowledgeIndex(knowledge.articles(), chunks, vectors, chunkVectors, lexical, sentences, model, analyzer,
                version(chunks), stats);
    }

    /** Embeds what the cache lacks, all in one batch so the model's thread pool is used. */
    private Map<String, float[]> embed(EmbeddingCache cache, List<String> chunkTexts, Set<String> sentenceTexts) {
        Set<String> texts = new LinkedHashSet<>(chunkTexts);
        texts.addAll(sentenceTexts);
        Map<String, float[]> vectors = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            cache.get(text).ifPresentOrElse(vector -> vectors.put(text, vector), () -> missing.add(text));
        }
        if (!missing.isEmpty()) {
            List<Embedding> fresh = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < missing.size(); i++) {
                float[] vector = fresh.get(i).vector();
                vectors.put(missing.get(i), vector);
                cache.put(missing.get(i), vector);
            }
        }
        return vectors;
    }

    static String embeddedText(Chunk chunk) {
        return chunk.article().title() + "\n" + chunk.text();
    }

    /** Hashes what an answer shows of the knowledge: files, titles, dates, outlets and text. */
    private static String version(List<Chunk> chunks) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Chunk chunk : chunks) {
                Article article = chunk.article();
                String shown = String.join("\u0001", chunk.id(), article.title(), String.valueOf(article.date()),
                        String.valueOf(article.outlet()), String.valueOf(article.url()), chunk.text());
                sha.update(shown.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
