package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex.VectorHit;
import com.ccabot.index.LexicalIndex.Hit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the vector ranking and the lexical ranking of the chunks are combined into one. */
public enum RankFusion {

    /** Reciprocal rank fusion: each ranking adds 1 / (60 + rank); robust because it ignores score scales. */
    RRF {
        @Override
        Map<Integer, Double> fuse(List<VectorHit> vector, List<Hit> lexical) {
            Map<Integer, Double> scores = new HashMap<>();
            for (int rank = 0; rank < vector.size(); rank++) {
                scores.merge(vector.get(rank).chunk(), 1.0 / (RRF_K + rank + 1), Double::sum);
            }
            for (int rank = 0; rank < lexical.size(); rank++) {
                scores.merge(lexical.get(rank).chunk(), 1.0 / (RRF_K + rank + 1), Double::sum);
            }
            return scores;
        }
    },

    /** A weighted sum of the cosine similarity and the BM25 score scaled by the best BM25 score. */
    WEIGHTED {
        @Override
        Map<Integer, Double> fuse(List<VectorHit> vector, List<Hit> lexical) {
            Map<Integer, Double> scores = new HashMap<>();
            vector.forEach(hit -> scores.merge(hit.chunk(), VECTOR_WEIGHT * Math.max(0, hit.similarity()), Double::sum));
            double best = lexical.stream().mapToDouble(Hit::score).max().orElse(1);
            lexical.forEach(hit -> scores.merge(hit.chunk(), (1 - VECTOR_WEIGHT) * hit.score() / best, Double::sum));
            return scores;
        }
    };

    private static final int RRF_K = 60;
    private static final double VECTOR_WEIGHT = 0.5;

    /** Fused scores by chunk ordinal; higher is better, on no fixed scale. */
    abstract Map<Integer, Double> fuse(List<VectorHit> vector, List<Hit> lexical);
}
