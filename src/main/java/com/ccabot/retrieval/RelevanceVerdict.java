package com.ccabot.retrieval;

/** The relevance gate's decision on one question, with the figures it was made from. */
public record RelevanceVerdict(boolean relevant, double bestSimilarity, double coverage, String reason) {}
