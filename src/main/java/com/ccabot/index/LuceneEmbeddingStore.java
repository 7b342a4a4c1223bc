package com.ccabot.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * The chunks' vectors in the Lucene index, seen through langchain4j's {@link EmbeddingStore}: the seam where a
 * larger deployment puts a server store (OpenSearch, pgvector…) instead. Searching goes through the HNSW graph,
 * asking it for more candidates than wanted, which keeps its recall close to exact search. Scores are langchain4j's
 * relevance, (1 + cosine) / 2; the embedding id is the chunk's id ({@code file#position}). Read-only: the
 * knowledge folder is what it is written from ({@link ChunkStore}).
 */
public final class LuceneEmbeddingStore implements EmbeddingStore<TextSegment> {

    /**
     * The fewest candidates asked of the HNSW graph: 400 keep recall@10 against exact search at 0.96 on
     * {@code bench --chunks 100000} (0.84 with 100, 0.94 with 300), at 4 ms a search in one segment.
     */
    static final int CANDIDATES = 400;

    private final IndexSearcher searcher;
    private final IntFunction<String> idOfDoc;
    private final IntFunction<String> textOfDoc;

    /**
     * @param idOfDoc   a document's chunk id, or null for a document of no chunk of this snapshot
     * @param textOfDoc a document's chunk text
     */
    LuceneEmbeddingStore(IndexSearcher searcher, IntFunction<String> idOfDoc, IntFunction<String> textOfDoc) {
        this.searcher = searcher;
        this.idOfDoc = idOfDoc;
        this.textOfDoc = textOfDoc;
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        int max = request.maxResults();
        int candidates = Math.max(CANDIDATES, 4 * max);
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(ChunkStore.VECTOR, request.queryEmbedding().vector(), candidates);
        try {
            List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query, candidates).scoreDocs) {
                String id = idOfDoc.apply(doc.doc);
                // Lucene scores the dot product of unit vectors as (1 + dot) / 2: langchain4j's relevance score
                if (id != null && doc.score >= request.minScore() && matches.size() < max) {
                    matches.add(new EmbeddingMatch<>((double) doc.score, id, null, TextSegment.from(textOfDoc.apply(doc.doc))));
                }
            }
            return new EmbeddingSearchResult<>(matches);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    @Override
    public String add(Embedding embedding) {
        throw readOnly();
    }

    @Override
    public void add(String id, Embedding embedding) {
        throw readOnly();
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        throw readOnly();
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the chunks' vectors are written from the knowledge folder: add an"
                + " article there, and it is indexed");
    }
}
