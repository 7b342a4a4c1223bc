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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A searchable, immutable snapshot of the knowledge folder: its articles and chunks, and a reader on the one Lucene
 * index that holds each chunk's text (BM25), vector (HNSW) and sentence vectors. Small knowledge (up to
 * {@value #PRELOAD_CHUNKS} chunks) keeps the vectors it compares at hand, read in one pass over the index; larger
 * knowledge reads them from the index as questions need them. A sentence's terms are analysed when a question first
 * needs them: at the start, analysing every sentence would cost more than the rest of opening the index.
 * {@link #close()} releases the reader once no question uses this snapshot.
 */
public final class KnowledgeIndex implements AutoCloseable {

    /** One chunk found by vector search, with its cosine similarity to the query. */
    public record VectorHit(int chunk, double similarity) {}

    /** Up to this many chunks, chunk and sentence vectors are read once and kept in memory. */
    static final int PRELOAD_CHUNKS = 20_000;
    /** {@link #articleDay} of an undated article. */
    public static final int NO_DATE = Integer.MIN_VALUE;
    private static final int SENTENCE_CACHE = 50_000;
    /** How many articles' terms are kept: the articles of the last few hundred questions' passages. */
    private static final int ARTICLE_TERMS_KEPT = 2_000;
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
    /** The chunks of each sentence that more than one article holds word for word (a retelling): the rare case. */
    private final Map<String, List<Integer>> sharedSentences;
    private final float[][] chunkVectors;
    /** Each sentence's vector, when small knowledge keeps them at hand; null when they are read as questions need them. */
    private final Map<String, float[]> sentenceVectors;
    private final Cache<String, SentenceFeatures> sentences;
    private final LexicalIndex lexical;
    private final Map<String, Integer> ordinals;
    private final LuceneEmbeddingStore store;
    private final EmbeddingModel model;
    private final WordMeanings meanings;
    private final TermAnalyzer analyzer;
    private final String version;
    private final IndexStats stats;
    private final Map<String, List<String>> articleSentences;
    /** Each article's place in {@link #articles()}, by its file. */
    private final Map<String, Integer> articleOrdinals;
    /** Each chunk's article's place in {@link #articles()}; -1 for a chunk of an article this index does not list. */
    private final int[] articleOfChunk;
    /** Each article's date as a day of the epoch, by its place; {@link #NO_DATE} for an undated article. */
    private final int[] articleDays;
    /** Each article's title terms, by its place, analysed when a question first needs them, as a sentence's terms are. */
    private final AtomicReferenceArray<Set<String>> titleTerms;
    /**
     * Each article's terms, by its place, analysed when a question first needs them; a bounded cache, since a large
     * knowledge base would otherwise come to hold every article's vocabulary twice over.
     */
    private final Cache<Integer, Set<String>> articleTerms = Caffeine.newBuilder().maximumSize(ARTICLE_TERMS_KEPT).build();
    /** The same as numbers ({@link #termNumber}), for comparing thousands of titles with a question's words. */
    private final AtomicReferenceArray<int[]> titleTermNumbers;
    /** A number for each term of a title analysed so far and each known word a question brought. */
    private final Map<String, Integer> termNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextTermNumber = new AtomicInteger();

    KnowledgeIndex(List<Article> articles, List<Chunk> chunks, DirectoryReader reader, EmbeddingModel model,
                   TermAnalyzer analyzer, String version, IndexStats stats) {
        this.articles = List.copyOf(articles);
        this.chunks = List.copyOf(chunks);
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null); // every question is a new query: caching would only add bookkeeping
        this.model = model;
        this.meanings = new WordMeanings(model, WordVectorTable.shipped(), WordMeanings.SAME_MEANING);
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
        Map<String, List<Integer>> shared = new HashMap<>();
        for (int i = 0; i < this.chunks.size(); i++) {
            List<String> texts = this.chunks.get(i).sentences();
            for (int j = 0; j < texts.size(); j++) {
                int[] first = sentenceAt.putIfAbsent(texts.get(j), new int[] {i, j});
                if (first != null && !this.chunks.get(first[0]).article().file().equals(this.chunks.get(i).article().file())) {
                    shared.computeIfAbsent(texts.get(j), text -> new ArrayList<>(List.of(first[0]))).add(i);
                }
            }
        }
        this.sharedSentences = Map.copyOf(shared);
        this.lexical = new LexicalIndex(searcher, analyzer, docToChunk);
        this.store = new LuceneEmbeddingStore(searcher, doc -> docToChunk[doc] < 0 ? null : this.chunks.get(docToChunk[doc]).id(),
                doc -> this.chunks.get(docToChunk[doc]).text());
        boolean preload = this.chunks.size() <= PRELOAD_CHUNKS;
        this.sentences = Caffeine.newBuilder().maximumSize(preload ? Long.MAX_VALUE : SENTENCE_CACHE).build();
        this.chunkVectors = preload ? readChunkVectors() : null;
        this.sentenceVectors = preload ? readSentenceVectors() : null;
        this.articleSentences = articleSentences(this.chunks);
        Map<String, Integer> byFile = new HashMap<>();
        for (int i = 0; i < this.articles.size(); i++) {
            byFile.put(this.articles.get(i).file(), i);
        }
        this.articleOrdinals = Map.copyOf(byFile);
        this.articleOfChunk = new int[this.chunks.size()];
        for (int i = 0; i < this.chunks.size(); i++) {
            this.articleOfChunk[i] = byFile.getOrDefault(this.chunks.get(i).article().file(), -1);
        }
        this.titleTerms = new AtomicReferenceArray<>(this.articles.size());
        this.titleTermNumbers = new AtomicReferenceArray<>(this.articles.size());
        this.articleDays = this.articles.stream().mapToInt(KnowledgeIndex::dayOf).toArray();
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

    /**
     * The chunks, of every article that holds it, of a sentence that more than one article holds word for word;
     * empty for a sentence of one article.
     */
    public List<Integer> chunksSharing(String sentence) {
        return sharedSentences.getOrDefault(sentence, List.of());
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
        int ordinal = articleOrdinal(article);
        return ordinal < 0 ? Set.of() : titleTerms(ordinal);
    }

    /** {@link #titleTerms(Article)} of the article at {@code ordinal} in {@link #articles()}. */
    private Set<String> titleTerms(int ordinal) {
        Set<String> terms = titleTerms.get(ordinal);
        if (terms == null) {
            Article own = articles.get(ordinal);
            String dated = own.date() == null ? "" : " " + own.date().getMonth().getDisplayName(
                    java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + own.date().getYear();
            terms = Set.copyOf(analyzer.terms(own.title() + dated));
            titleTerms.set(ordinal, terms); // two threads may both analyse a title: the same terms either way
        }
        return terms;
    }

    /**
     * The analysed terms of an article's title and text: what it names anywhere, analysed when first asked for (an
     * answer's article must name what the question names).
     */
    public Set<String> articleTerms(Article article) {
        int ordinal = articleOrdinal(article);
        if (ordinal < 0) {
            return Set.of();
        }
        return articleTerms.get(ordinal, at -> {
            Set<String> all = new java.util.HashSet<>(titleTerms(at));
            all.addAll(analyzer.terms(articles.get(at).text()));
            return Set.copyOf(all);
        });
    }

    /**
     * {@link #titleTerms(int)} as numbers ({@link #termNumber}): a title is compared with a question's words
     * without reading a string.
     */
    public int[] titleTermNumbers(int ordinal) {
        int[] numbers = titleTermNumbers.get(ordinal);
        if (numbers == null) {
            numbers = titleTerms(ordinal).stream().mapToInt(this::termNumber).toArray();
            titleTermNumbers.set(ordinal, numbers);
        }
        return numbers;
    }

    /**
     * The number of an analysed term, the same for the same term in every title and question. Give it only the
     * index's own terms (a title's, or a question's known words), so that the numbers stay as many as the
     * index's vocabulary.
     */
    public int termNumber(String term) {
        return termNumbers.computeIfAbsent(term, t -> nextTermNumber.getAndIncrement());
    }

    /** An article's place in {@link #articles()}; -1 for an article this index does not hold. */
    public int articleOrdinal(Article article) {
        return articleOrdinals.getOrDefault(article.file(), -1);
    }

    /**
     * The date of the article at {@code ordinal} in {@link #articles()} as a day of the epoch, {@link #NO_DATE}
     * when it has none: what comparing many articles' dates reads, without a date object for each.
     */
    public int articleDay(int ordinal) {
        return articleDays[ordinal];
    }

    /** An article's date as {@link #articleDay} gives it, for an article that may not be one of this index's. */
    public static int dayOf(Article article) {
        return article.date() == null ? NO_DATE : (int) article.date().toEpochDay();
    }

    /** The place in {@link #articles()} of a chunk's article; -1 for an article this index does not list. */
    public int articleOf(int chunk) {
        return articleOfChunk[chunk];
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

    /** Whether two words mean the same, by the embedding model. */
    public WordMeanings meanings() {
        return meanings;
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

    /** Every chunk's vector, in one pass over each segment's vectors. */
    private float[][] readChunkVectors() {
        float[][] vectors = new float[chunks.size()][];
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkStore.VECTOR);
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    int chunk = docToChunk[leaf.docBase + doc];
                    if (chunk >= 0) {
                        vectors[chunk] = values.vectorValue().clone();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
        for (int chunk = 0; chunk < vectors.length; chunk++) {
            if (vectors[chunk] == null) {
                throw new IllegalStateException("the index lacks the vector of chunk " + chunks.get(chunk).id());
            }
        }
        return vectors;
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
        float[] vector;
        if (sentenceVectors != null) {
            vector = sentenceVectors.get(text);
        } else {
            try {
                BytesRef packed = packedSentences(searcher.storedFields(), chunkToDoc[at[0]], at[0]);
                vector = sentenceVector(packed, at[0], at[1]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the index", e);
            }
        }
        return new SentenceFeatures(vector, new LinkedHashSet<>(analyzer.terms(text)));
    }

    /**
     * Every sentence's vector, read from the chunks' documents in the order they are stored, each document once. A
     * sentence found in two chunks (chunks overlap by a sentence) is taken from the first, as {@link #sentenceAt}
     * says.
     */
    private Map<String, float[]> readSentenceVectors() {
        Map<String, float[]> vectors = new HashMap<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = sequentialStoredFields(leaf.reader());
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    int chunk = docToChunk[leaf.docBase + doc];
                    if (chunk < 0) {
                        continue;
                    }
                    List<String> texts = chunks.get(chunk).sentences();
                    BytesRef packed = null;
                    for (int j = 0; j < texts.size(); j++) {
                        int[] at = sentenceAt.get(texts.get(j));
                        if (at[0] == chunk && at[1] == j) {
                            packed = packed != null ? packed : packedSentences(stored, doc, chunk);
                            vectors.put(texts.get(j), sentenceVector(packed, chunk, j));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
        return vectors;
    }

    /**
     * A segment's stored fields for reading its documents one after another: the codec's instance for merges, which
     * decompresses each block of documents once for all of them, where the ordinary one decompresses the block again
     * for every document in it (twice the time, for the sentence vectors of 10,000 chunks).
     */
    private static StoredFields sequentialStoredFields(LeafReader leaf) throws IOException {
        return leaf instanceof CodecReader codec && codec.getFieldsReader() != null
                ? codec.getFieldsReader().getMergeInstance() : leaf.storedFields();
    }

    /** A chunk's sentence vectors as stored in its document: one after another in a binary field. */
    private BytesRef packedSentences(StoredFields stored, int doc, int chunk) throws IOException {
        BytesRef packed = stored.document(doc, Set.of(ChunkStore.SENTENCES)).getBinaryValue(ChunkStore.SENTENCES);
        if (packed == null) {
            throw new IllegalStateException("the index lacks the sentence vectors of chunk " + chunks.get(chunk).id());
        }
        return packed;
    }

    private float[] sentenceVector(BytesRef packed, int chunk, int sentence) {
        return ChunkStore.unpack(packed, sentence, packed.length / Float.BYTES / chunks.get(chunk).sentences().size());
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
