package com.ccabot.index;

import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.Chunk;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A searchable, immutable snapshot of the knowledge folder: its articles and chunks, and a reader on the one Lucene
 * index that holds each chunk's text (BM25), vector (HNSW) and sentence vectors. Small knowledge (up to
 * {@value #PRELOAD_CHUNKS} chunks) keeps the vectors it compares at hand; larger knowledge reads them from the
 * index as questions need them. {@link #close()} releases the reader once no question uses this snapshot.
 */
public final class KnowledgeIndex implements AutoCloseable {

    /** One chunk found by vector search, with its cosine similarity to the query. */
    public record VectorHit(int chunk, double similarity) {}

    /** Up to this many chunks, chunk and sentence vectors are read once and kept in memory. */
    static final int PRELOAD_CHUNKS = 20_000;
    private static final int SENTENCE_CACHE = 50_000;
    /** Up to this many chunks, vector search compares the query with every chunk. */
    static final int EXACT_CHUNKS = 5_000;

    private final List<Article> articles;
    private final List<Chunk> chunks;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] docToChunk;
    private final int[] chunkToDoc;
    /** Where each sentence's vector is kept: its chunk's ordinal and its position in the chunk. */
    private final Map<String, int[]> sentenceAt;
    private final float[][] chunkVectors;
    private final Cache<String, SentenceFeatures> sentences;
    private final LexicalIndex lexical;
    private final Map<String, Integer> ordinals;
    private final LuceneEmbeddingStore store;
    private final EmbeddingModel model;
    private final TermAnalyzer analyzer;
    private final String version;
    private final IndexStats stats;
    private final Map<String, List<String>> articleSentences;
    private final Map<String, Set<String>> titleTerms;

    KnowledgeIndex(List<Article> articles, List<Chunk> chunks, DirectoryReader reader, EmbeddingModel model,
                   TermAnalyzer analyzer, String version, IndexStats stats) {
        this.articles = List.copyOf(articles);
        this.chunks = List.copyOf(chunks);
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null); // every question is a new query: caching would only add bookkeeping
        this.model = model;
        this.analyzer = analyzer;
        this.version = version;
        this.stats = stats;
        Map<String, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < this.chunks.size(); i++) {
            ordinals.put(this.chunks.get(i).id(), i);
        }
        this.ordinals = ordinals;
        this.docToChunk = new int[reader.maxDoc()];
        this.chunkToDoc = new int[this.chunks.size()];
        Arrays.fill(docToChunk, -1);
        Arrays.fill(chunkToDoc, -1);
        mapDocuments(reader, ordinals);
        this.sentenceAt = new HashMap<>();
        for (int i = 0; i < this.chunks.size(); i++) {
            List<String> texts = this.chunks.get(i).sentences();
            for (int j = 0; j < texts.size(); j++) {
                sentenceAt.putIfAbsent(texts.get(j), new int[] {i, j});
            }
        }
        this.lexical = new LexicalIndex(searcher, analyzer, docToChunk);
        this.store = new LuceneEmbeddingStore(searcher, doc -> docToChunk[doc] < 0 ? null : this.chunks.get(docToChunk[doc]).id(),
                doc -> this.chunks.get(docToChunk[doc]).text());
        boolean preload = this.chunks.size() <= PRELOAD_CHUNKS;
        this.sentences = Caffeine.newBuilder().maximumSize(preload ? Long.MAX_VALUE : SENTENCE_CACHE).build();
        this.chunkVectors = preload ? new float[this.chunks.size()][] : null;
        if (preload) {
            for (int i = 0; i < this.chunks.size(); i++) {
                chunkVectors[i] = readChunkVector(i);
            }
            sentenceAt.keySet().forEach(this::sentence);
        }
        this.articleSentences = articleSentences(this.chunks);
        Map<String, Set<String>> titles = new HashMap<>();
        for (Article article : this.articles) {
            String dated = article.date() == null ? "" : " " + article.date().getMonth().getDisplayName(
                    java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + article.date().getYear();
            titles.put(article.file(), Set.copyOf(analyzer.terms(article.title() + dated)));
        }
        this.titleTerms = Map.copyOf(titles);
    }

    private void mapDocuments(DirectoryReader reader, Map<String, Integer> ordinals) {
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(ChunkStore.ID);
                Bits live = leaf.reader().getLiveDocs();
                if (ids == null) {
                    continue;
                }
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    Integer chunk = live == null || live.get(doc)
                            ? ordinals.get(ids.lookupOrd(ids.ordValue()).utf8ToString()) : null;
                    if (chunk != null) {
                        docToChunk[leaf.docBase + doc] = chunk;
                        chunkToDoc[chunk] = leaf.docBase + doc;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
        for (int chunk = 0; chunk < chunkToDoc.length; chunk++) {
            if (chunkToDoc[chunk] < 0) {
                throw new IllegalStateException("the index lacks chunk " + chunks.get(chunk).id());
            }
        }
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

    /**
     * The analysed terms of an article's title and of its date's month and year: what every sentence of it is
     * about, so that "the forum in November 2025" finds its sentences though they do not repeat the date.
     */
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

    /**
     * The chunks nearest to a query vector, best first: compared with every chunk when there are few (exact, and
     * faster than a graph), found through the embedding store's HNSW graph otherwise.
     */
    public List<VectorHit> nearest(float[] query, int max) {
        if (chunks.size() <= EXACT_CHUNKS) {
            return exactNearest(query, max);
        }
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(query))
                .maxResults(max).minScore(0.0).build();
        return store.search(request).matches().stream()
                .map(match -> new VectorHit(ordinals.get(match.embeddingId()), 2 * match.score() - 1))
                .toList();
    }

    /** The chunks' vectors as langchain4j's embedding store: where a server store would plug in. */
    public EmbeddingStore<TextSegment> embeddingStore() {
        return store;
    }

    /** The chunks nearest to a query vector by comparing it with every chunk: what {@link #nearest} approximates. */
    public List<VectorHit> exactNearest(float[] query, int max) {
        PriorityQueue<VectorHit> best = new PriorityQueue<>(Comparator.comparingDouble(VectorHit::similarity));
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            best.add(new VectorHit(chunk, similarity(chunk, query)));
            if (best.size() > max) {
                best.poll();
            }
        }
        List<VectorHit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparingDouble(VectorHit::similarity).reversed());
        return hits;
    }

    /** Cosine similarity between a chunk and a unit-length query vector. */
    public double similarity(int chunk, float[] query) {
        return Vectors.dot(chunkVectors != null ? chunkVectors[chunk] : readChunkVector(chunk), query);
    }

    /** A chunk's unit-length vector. */
    public float[] chunkVector(int chunk) {
        return chunkVectors != null ? chunkVectors[chunk] : readChunkVector(chunk);
    }

    private float[] readChunkVector(int chunk) {
        int doc = chunkToDoc[chunk];
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        try {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkStore.VECTOR);
            if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
                throw new IllegalStateException("the index lacks the vector of chunk " + chunks.get(chunk).id());
            }
            return values.vectorValue().clone();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    /** The features of a sentence of some chunk of this index. */
    public SentenceFeatures sentence(String text) {
        return sentences.get(text, this::readSentence);
    }

    private SentenceFeatures readSentence(String text) {
        int[] at = sentenceAt.get(text);
        if (at == null) {
            throw new IllegalArgumentException("not a sentence of this index: " + text);
        }
        try {
            BytesRef packed = searcher.storedFields().document(chunkToDoc[at[0]], Set.of(ChunkStore.SENTENCES))
                    .getBinaryValue(ChunkStore.SENTENCES);
            float[] vector = ChunkStore.unpack(packed, at[1], packed.length / Float.BYTES / chunks.get(at[0]).sentences().size());
            return new SentenceFeatures(vector, new LinkedHashSet<>(analyzer.terms(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    /** Releases the index reader: call once no question uses this snapshot any more. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index", e);
        }
    }
}
