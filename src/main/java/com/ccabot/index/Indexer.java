package com.ccabot.index;

import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.Chunk;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.KnowledgeSnapshot;
import com.ccabot.knowledge.LoadedKnowledge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns loaded articles into a {@link KnowledgeIndex}: chunks them, and brings the one Lucene index of the chunks
 * ({@link ChunkStore}) up to date, embedding each chunk of an added or changed article (with its article's title,
 * which tells the model what the chunk is about) and each of its sentences; unchanged articles embed nothing.
 * The model is asked for only once it is needed, so it may still be loading while the articles are chunked and
 * compared with the index.
 */
public final class Indexer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Indexer.class);

    private final Supplier<MiniLmEmbeddingModel> model;
    private final String modelId;
    private final Chunker chunker;
    private final Path cacheDir;
    private final TermAnalyzer analyzer = new TermAnalyzer();

    /** @param cacheDir where embeddings are kept between runs; null keeps them in memory only */
    public Indexer(MiniLmEmbeddingModel model, String modelId, Chunker chunker, Path cacheDir) {
        this(() -> model, modelId, chunker, cacheDir);
    }

    /**
     * @param model    gives the model, waiting for it if it is still loading: called once the articles are chunked
     *                 and compared with the index
     * @param cacheDir where embeddings are kept between runs; null keeps them in memory only
     */
    public Indexer(Supplier<MiniLmEmbeddingModel> model, String modelId, Chunker chunker, Path cacheDir) {
        this.model = model;
        this.modelId = modelId;
        this.chunker = chunker;
        this.cacheDir = cacheDir;
    }

    public KnowledgeIndex index(LoadedKnowledge knowledge) {
        return index(knowledge, null, IndexProgress.onStderr());
    }

    /**
     * Indexes, taking each article's chunks from {@code snapshot} when it gave the article, and keeps the snapshot
     * of what was loaded and chunked in the cache folder for the next start when it changed; a null snapshot (a
     * reload) takes nothing and keeps none, as {@link #index(LoadedKnowledge)} does.
     */
    public KnowledgeIndex index(LoadedKnowledge knowledge, KnowledgeSnapshot snapshot) {
        return index(knowledge, snapshot, IndexProgress.onStderr());
    }

    KnowledgeIndex index(LoadedKnowledge knowledge, IndexProgress progress) {
        return index(knowledge, null, progress);
    }

    /** @param snapshot what the start read, kept again when it changed; null to keep none (a reload) */
    private KnowledgeIndex index(LoadedKnowledge knowledge, KnowledgeSnapshot snapshot, IndexProgress progress) {
        long start = System.nanoTime();
        List<Chunk> chunks = new ArrayList<>();
        Map<String, List<Chunk>> byArticle = new LinkedHashMap<>();
        KnowledgeSnapshot known = snapshot == null ? KnowledgeSnapshot.none() : snapshot;
        for (Article article : knowledge.articles()) {
            List<Chunk> ofArticle = known.chunks(article).orElseGet(() -> chunker.chunk(article));
            chunks.addAll(ofArticle);
            byArticle.put(article.file(), ofArticle);
        }
        if (cacheDir != null && snapshot != null && !snapshot.holds(knowledge)) {
            KnowledgeSnapshot.write(cacheDir, knowledge, byArticle, chunker.maxChars());
        }
        ChunkStore.Opened opened;
        try {
            opened = ChunkStore.open(cacheDir, knowledge.dir(), modelId, MiniLmEmbeddingModel.DIMENSION)
                    .sync(byArticle, chunker.maxChars(), model, analyzer, progress);
        } catch (java.io.UncheckedIOException e) {
            // held by another process, or a cache folder that cannot be written: answer all the same
            log.warn("{}; indexing in memory this time, so the next start embeds again",
                    e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException
                            ? "the index of " + knowledge.dir() + " is being written by another process" : e.getMessage());
            opened = ChunkStore.inMemory(modelId, MiniLmEmbeddingModel.DIMENSION)
                    .sync(byArticle, chunker.maxChars(), model, analyzer, progress);
        }
        int sentences = (int) chunks.stream().flatMap(chunk -> chunk.sentences().stream()).distinct().count();
        ChunkStore.Sync sync = opened.sync();
        IndexStats stats = new IndexStats(knowledge.articles().size(), knowledge.skipped().size(), chunks.size(),
                sentences, sync.embedded(), sync.keptChunks(), Duration.ofNanos(System.nanoTime() - start));
        return new KnowledgeIndex(knowledge.articles(), chunks, opened.reader(), model.get(), analyzer, version(chunks),
                stats);
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
