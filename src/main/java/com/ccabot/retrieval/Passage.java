package com.ccabot.retrieval;

import com.ccabot.knowledge.Chunk;

/**
 * A retrieved chunk with its scores: {@code score} is the fused rank score scaled so the best passage has 1,
 * {@code similarity} the cosine similarity of chunk and question, {@code lexical} the BM25 score (0 when the
 * lexical search did not find it).
 */
public record Passage(Chunk chunk, double score, double similarity, double lexical) {}
