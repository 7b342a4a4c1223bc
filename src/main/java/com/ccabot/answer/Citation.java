package com.ccabot.answer;

import java.time.LocalDate;

/**
 * One numbered source of an answer: the article ({@code source} is its path relative to the knowledge folder),
 * how well it matched, and the sentence or sentences quoted from it.
 */
public record Citation(int n, String source, String title, LocalDate date, String outlet, String url, double score,
                       String quote) {}
