package com.ccabot.index;

import com.ccabot.knowledge.Chunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one index of the chunks: a Lucene index on disk (under the cache folder) holding, per chunk, its text for
 * BM25, its vector for nearest-neighbour search (HNSW, dot product of unit vectors), the vectors of its sentences,
 * and the content hash of its article. Brought up to date incrementally: only articles added or changed since the
 * last run are embedded and written, removed ones deleted; when nothing changed nothing is written. A corrupt or
 * foreign index is rebuilt with one warning; a cache folder that cannot be written (or is held by another process)
 * gets an index in memory.
 */
final class ChunkStore {

    private static final Logger log = LoggerFactory.getLogger(ChunkStore.class);

    static final String ID = "id";
    static final String ARTICLE = "article";
    static final String HASH = "hash";
    static final String VECTOR = "vector";
    static final String SENTENCES = "sentences";
    /** Written into every commit: an index of another model or layout is rebuilt, never misread. */
    private static final String FORMAT_KEY = "cca-bot-format";
    private static final String FORMAT = "chunks-2";
    /** Chunks embedded and written at once. */
    private static final int BATCH_TEXTS = 128;
    /**
     * Committed every so many chunks, or after so long, whichever comes first, so an interrupted indexing (Ctrl-C, a
     * kill, a power cut) keeps what it did: on a slow machine ten seconds of embedding is lost at most.
     */
    private static final int COMMIT_EVERY = 2_000;
    private static final long COMMIT_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    /** Below this many documents, deletions are merged away at once (cheap); above, Lucene merges them in time. */
    private static final int SMALL = 50_000;
    /** Segments past this many are merged into one when a write ends (commits every 2,000 chunks make many). */
    private static final int MOST_SEGMENTS = 4;
    /**
     * Neighbours a vector keeps in the HNSW graph: twice Lucene's 16. On the 195 dev and bank questions against
     * 100,003 chunk vectors in one segment, at the 400 candidates searched, recall@10 against exact search (a
     * result as close as the exact tenth counting) was 0.968 with 32 against 0.899 with 16 (0.910 with 24), in
     * 1.9 against 1.5 ms, the graph built in 56 against 54 s, run one after the other (a beam of 200 reached 0.986
     * but built in 132 s). The synthetic corpus's near-copies put many vectors almost on top of each other, which
     * a sparser graph does not get through. An index built before keeps its graph until it is rebuilt; articles
     * added or changed get this one.
     */
    private static final int NEIGHBOURS = 32;
    /** Threads that build a merged segment's HNSW graph: one a core. */
    private static final int MERGE_WORKERS = Runtime.getRuntime().availableProcessors();

    /** What one synchronisation did. */
    record Sync(int embedded, int keptChunks, int writtenChunks, int deletedArticles) {}

    private final Directory directory;
    private final String format;
    /** Where the index is, for messages: a folder, or "memory". */
    private final String where;

    /** A store in memory only: what is used when the folder's index is being written by another process. */
    static ChunkStore inMemory(String modelId, int dimension) {
        return new ChunkStore(new ByteBuffersDirectory(), format(modelId, dimension), "memory");
    }

    private ChunkStore(Directory directory, String format, String where) {
        this.directory = directory;
        this.format = format;
        this.where = where;
    }

    /**
     * The store for one knowledge folder and model: under {@code cacheDir/index/}, or in memory when
     * {@code cacheDir} is null or cannot be written.
     */
    static ChunkStore open(Path cacheDir, Path knowledgeDir, String modelId, int dimension) {
        String format = format(modelId, dimension);
        if (cacheDir == null) {
            return inMemory(modelId, dimension);
        }
        Path folder = cacheDir.resolve("index").resolve(folderName(knowledgeDir, modelId));
        try {
            Files.createDirectories(folder);
            // the embedding cache of versions before this index: its vectors now live in the index
            Files.deleteIfExists(cacheDir.resolve("embeddings-" + modelId + ".bin"));
            return new ChunkStore(FSDirectory.open(folder), format, folder.toString());
        } catch (IOException e) {
            log.warn("cannot keep the index in {} ({}); indexing in memory, so the next start embeds again", folder,
                    e.getMessage());
            return inMemory(modelId, dimension);
        }
    }

    /** The layout, the model and the word analysis an index is written with: any of them changed, it is rebuilt. */
    private static String format(String modelId, int dimension) {
        return FORMAT + "/" + modelId + "/" + dimension + "/terms-" + TermVariants.fingerprint();
    }

    /** One index per knowledge folder: two folders never overwrite each other's index. */
    private static String folderName(Path knowledgeDir, String modelId) {
        String path = knowledgeDir.toAbsolutePath().normalize().toString();
        return modelId + "-" + hash(List.of(path)).substring(0, 12);
    }

    /**
     * Brings the index up to the given chunks, grouped by article in order, and opens a reader on it.
     *
     * @param chunkSize part of each article's hash: a new chunking re-indexes
     */
    Opened sync(Map<String, List<Chunk>> byArticle, int chunkSize, Supplier<MiniLmEmbeddingModel> model,
                TermAnalyzer analyzer, IndexProgress progress) {
        Map<String, String> wanted = new LinkedHashMap<>();
        byArticle.forEach((file, chunks) -> wanted.put(file, articleHash(chunks, chunkSize)));
        Map<String, String> present = presentHashes();
        List<String> toWrite = wanted.keySet().stream().filter(file -> !wanted.get(file).equals(present.get(file))).toList();
        List<String> toDelete = present.keySet().stream().filter(file -> !wanted.containsKey(file)).toList();
        Set<String> rewritten = new HashSet<>(toWrite);
        int kept = byArticle.entrySet().stream().filter(e -> !rewritten.contains(e.getKey()))
                .mapToInt(e -> e.getValue().size()).sum();
        Sync sync = new Sync(0, kept, 0, toDelete.size());
        // an empty folder still gets an (empty) index, so that there is something to open
        if (!toWrite.isEmpty() || !toDelete.isEmpty() || present.isEmpty() && wanted.isEmpty()) {
            sync = write(byArticle, wanted, toWrite, toDelete, kept, model.get(), analyzer, progress);
        }
        try {
            return new Opened(DirectoryReader.open(directory), sync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index just written", e);
        }
    }

    /** A reader on the synchronised index, and what the synchronisation did. */
    record Opened(DirectoryReader reader, Sync sync) {}

    /** Each article's hash as indexed; empty for a missing index, and for a corrupt or foreign one, which is wiped. */
    private Map<String, String> presentHashes() {
        Map<String, String> hashes = new HashMap<>();
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return hashes;
            }
            String stored;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                stored = reader.getIndexCommit().getUserData().get(FORMAT_KEY);
                if (format.equals(stored)) {
                    for (LeafReaderContext leaf : reader.leaves()) {
                        SortedDocValues articles = leaf.reader().getSortedDocValues(ARTICLE);
                        SortedDocValues articleHashes = leaf.reader().getSortedDocValues(HASH);
                        var live = leaf.reader().getLiveDocs();
                        // an article's chunks are written together: its name and hash are looked up once, not a chunk
                        int articleOrd = -1;
                        int hashOrd = -1;
                        for (int doc = articles.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = articles.nextDoc()) {
                            if ((live == null || live.get(doc)) && articleHashes.advanceExact(doc)
                                    && (articles.ordValue() != articleOrd || articleHashes.ordValue() != hashOrd)) {
                                articleOrd = articles.ordValue();
                                hashOrd = articleHashes.ordValue();
                                hashes.put(articles.lookupOrd(articleOrd).utf8ToString(),
                                        articleHashes.lookupOrd(hashOrd).utf8ToString());
                            }
                        }
                    }
                    return hashes;
                }
            }
            // another version's index, or another model's: expected after an upgrade, so not a warning
            log.info("the index in {} was written as {}; this version writes {}: building it again", where, stored, format);
            wipe();
            return new HashMap<>();
        } catch (IOException | RuntimeException e) {
            log.warn("the index in {} cannot be used ({}); building it again", where, e.getMessage());
            wipe();
            return new HashMap<>();
        }
    }

    private Sync write(Map<String, List<Chunk>> byArticle, Map<String, String> hashes, List<String> toWrite,
                       List<String> toDelete, int kept, MiniLmEmbeddingModel model, TermAnalyzer analyzer,
                       IndexProgress progress) {
        ExecutorService mergers = Executors.newFixedThreadPool(MERGE_WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "index-merge");
            thread.setDaemon(true);
            return thread;
        });
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(mergingOn(mergers));
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, format).entrySet());
            for (String file : toDelete) {
                writer.deleteDocuments(new Term(ARTICLE, file));
            }
            int embedded = 0;
            int written = 0;
            int sinceCommit = 0;
            long committed = System.nanoTime();
            int toEmbed = toWrite.stream().mapToInt(file -> byArticle.get(file).size()).sum();
            progress.start(toWrite.size(), toEmbed);
            MergePolicy merging = writer.getConfig().getMergePolicy();
            if (toEmbed > COMMIT_EVERY) {
                // no merges while a long run adds segments: each merge builds the merged segments' HNSW graph again
                // on the core the model needs, and the run ends with one merge into one graph anyway
                writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            }
            List<String> batch = new ArrayList<>();
            int batchTexts = 0;
            for (String file : toWrite) {
                batch.add(file);
                batchTexts += byArticle.get(file).size();
                if (batchTexts >= BATCH_TEXTS) {
                    embedded += writeArticles(writer, batch, byArticle, hashes, model);
                    written += chunks(batch, byArticle);
                    sinceCommit += chunks(batch, byArticle);
                    progress.done(batch.size(), chunks(batch, byArticle));
                    batch.clear();
                    batchTexts = 0;
                    if (sinceCommit >= COMMIT_EVERY || System.nanoTime() - committed >= COMMIT_AFTER_NANOS) {
                        writer.commit(); // what is committed stays, whatever stops the run
                        sinceCommit = 0;
                        committed = System.nanoTime();
                    }
                }
            }
            if (!batch.isEmpty()) {
                embedded += writeArticles(writer, batch, byArticle, hashes, model);
                written += chunks(batch, byArticle);
                progress.done(batch.size(), chunks(batch, byArticle));
            }
            writer.getConfig().setMergePolicy(merging);
            if (writer.hasDeletions() && writer.getDocStats().maxDoc < SMALL) {
                writer.forceMergeDeletes(); // words of deleted chunks stop counting as known at once
            }
            writer.commit();
            if (segments(writer) > MOST_SEGMENTS) {
                // one HNSW graph searched once, not one a segment: at 100,000 chunks in 23 segments a search for
                // 100 candidates took 4.5 ms for a recall@10 of 0.89; in one segment, 400 candidates take 4.0 ms
                // for 0.96. Merged after the commits, so a stop meanwhile keeps them.
                writer.forceMerge(1);
            }
            progress.finish();
            return new Sync(embedded, kept, written, toDelete.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index in " + where + ": " + e.getMessage(), e);
        } finally {
            mergers.shutdownNow(); // the writer, closed, has finished its merges
        }
    }

    /**
     * Lucene's codec, with the HNSW graphs of merged segments built by every core at once: the one merge at the end
     * of a long run, when the model no longer needs them, took 53 s on one thread and 32 s on two for 30,000
     * vectors. Only how merges are done changes, not what is written: any Lucene reads the index as before.
     */
    private static Codec mergingOn(ExecutorService mergers) {
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(NEIGHBOURS,
                Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, MERGE_WORKERS, mergers);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    private static int segments(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.leaves().size();
        }
    }

    private static int chunks(List<String> files, Map<String, List<Chunk>> byArticle) {
        return files.stream().mapToInt(file -> byArticle.get(file).size()).sum();
    }

    /**
     * Embeds the articles' chunks in batches, each chunk's sentences pooled from the chunk's own pass, and writes
     * their chunks, replacing older ones.
     */
    private static int writeArticles(IndexWriter writer, List<String> files, Map<String, List<Chunk>> byArticle,
                                     Map<String, String> hashes, MiniLmEmbeddingModel model) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        files.forEach(file -> chunks.addAll(byArticle.get(file)));
        List<String> texts = chunks.stream().map(Indexer::embeddedText).toList();
        List<List<String>> parts = chunks.stream().map(ChunkStore::parts).toList();
        List<BatchEncoder.Pooled> pooled = model.embedWithParts(texts, parts);
        Map<String, BatchEncoder.Pooled> byId = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            byId.put(chunks.get(i).id(), pooled.get(i));
        }
        for (String file : files) {
            List<Document> documents = new ArrayList<>();
            for (Chunk chunk : byArticle.get(file)) {
                documents.add(document(chunk, hashes.get(file), byId.get(chunk.id())));
            }
            writer.updateDocuments(new Term(ARTICLE, file), documents); // an article's chunks replace it at once
        }
        return texts.size();
    }

    /** What a chunk's embedded text is made of: its article's title, then its sentences. */
    private static List<String> parts(Chunk chunk) {
        List<String> parts = new ArrayList<>();
        parts.add(chunk.article().title());
        parts.addAll(chunk.sentences());
        return parts;
    }

    private static Document document(Chunk chunk, String hash, BatchEncoder.Pooled vectors) {
        Document document = new Document();
        String file = chunk.article().file();
        document.add(new StringField(ID, chunk.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(chunk.id())));
        document.add(new StringField(ARTICLE, file, Field.Store.NO));
        document.add(new SortedDocValuesField(ARTICLE, new BytesRef(file)));
        document.add(new SortedDocValuesField(HASH, new BytesRef(hash)));
        String text = chunk.article().title() + "\n" + chunk.text();
        document.add(new TextField(TermAnalyzer.FIELD, text, Field.Store.NO));
        document.add(new TextField(TermAnalyzer.WORDS_FIELD, text, Field.Store.NO));
        document.add(new KnnFloatVectorField(VECTOR, vectors.text(), VectorSimilarityFunction.DOT_PRODUCT));
        // the sentences' vectors: the parts after the title
        document.add(new StoredField(SENTENCES, pack(vectors.parts().subList(1, vectors.parts().size()))));
        return document;
    }

    static byte[] pack(List<float[]> vectors) {
        int dimension = vectors.get(0).length;
        ByteBuffer buffer = ByteBuffer.allocate(vectors.size() * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] vector : vectors) {
            for (float value : vector) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }

    /** The {@code index}-th vector of a packed list. */
    static float[] unpack(BytesRef packed, int index, int dimension) {
        float[] vector = new float[dimension];
        // one bulk copy rather than a call a float: the start reads every sentence's vector
        ByteBuffer.wrap(packed.bytes, packed.offset + index * dimension * Float.BYTES, dimension * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** The hash of what is indexed of an article: the texts embedded and searched, and the chunking. */
    private static String articleHash(List<Chunk> chunks, int chunkSize) {
        List<String> parts = new ArrayList<>();
        parts.add(Integer.toString(chunkSize));
        for (Chunk chunk : chunks) {
            parts.add(chunk.id());
            parts.add(Indexer.embeddedText(chunk));
            parts.addAll(chunk.sentences());
        }
        return hash(parts);
    }

    private static String hash(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void wipe() {
        try {
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the unusable index in " + where, e);
        }
    }
}
