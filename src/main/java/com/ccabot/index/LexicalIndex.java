package com.ccabot.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * BM25 search over the chunks' title and text in the one index of the chunks ({@link ChunkStore}), which finds the exact names and numbers a small
 * embedding model misses, and knows the vocabulary of the knowledge for the relevance gate and for typos.
 */
public final class LexicalIndex {

    /** One chunk found by a search: its position in the chunk list and its BM25 score. */
    public record Hit(int chunk, float score) {}

    private static final float CORRECTED_BOOST = 0.8f;

    private final IndexSearcher searcher;
    private final DirectSpellChecker oneEdit = spellChecker(1);
    private final DirectSpellChecker twoEdits = spellChecker(2);
    /**
     * Corrections already looked up, by word and term: building the spelling automata is the costliest part of
     * analysing a question, and the same words come back (a follow-up is analysed with the question before it,
     * a message of several questions part by part, and askers repeat their typos and chatty words).
     */
    private final Cache<String, Optional<Correction>> corrections = Caffeine.newBuilder().maximumSize(10_000).build();

    private final TermAnalyzer analyzer;

    private final int[] docToChunk;

    /** @param docToChunk each document's chunk ordinal, or -1 for a document of no chunk of this snapshot */
    LexicalIndex(IndexSearcher searcher, TermAnalyzer analyzer, int[] docToChunk) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.docToChunk = docToChunk;
    }

    /**
     * The best chunks for some analysed terms: exact terms at full weight, spelling corrections a little lower.
     */
    public List<Hit> search(Collection<String> terms, Collection<String> corrections, int max) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach(term -> query.add(new TermQuery(new Term(TermAnalyzer.FIELD, term)), BooleanClause.Occur.SHOULD));
        corrections.forEach(term -> query.add(
                new BoostQuery(new TermQuery(new Term(TermAnalyzer.FIELD, term)), CORRECTED_BOOST), BooleanClause.Occur.SHOULD));
        List<Hit> hits = new ArrayList<>();
        try {
            for (ScoreDoc doc : searcher.search(query.build(), max).scoreDocs) {
                if (docToChunk[doc.doc] >= 0) {
                    hits.add(new Hit(docToChunk[doc.doc], doc.score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
        return hits;
    }

    /** In how many chunks a term occurs. */
    public int documentFrequency(String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(TermAnalyzer.FIELD, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int documentCount() {
        return searcher.getIndexReader().numDocs();
    }

    /** BM25's inverse document frequency of a term; a term the knowledge lacks gets the highest value. */
    public double idf(String term) {
        return idf(documentFrequency(term));
    }

    /** BM25's inverse document frequency of a term found in {@code documentFrequency} chunks. */
    public double idf(int documentFrequency) {
        double n = documentCount();
        return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    /**
     * A misspelt word's correction: the known term it most likely meant, as an analysed term, and the word of the
     * knowledge as written that it stands for (for searching by meaning with the word the asker meant), or null
     * when only a stem was close.
     */
    public record Correction(String term, String written) {}

    /**
     * The known term a misspelt word most likely meant: the word as typed is matched against the articles' words
     * as written (stems would hide the typo: "educaton" is four edits from "educ" but one from "education"), one
     * edit away for short words and two for words of eight letters or more. Empty when nothing close enough
     * exists, and for a real word the articles lack ({@link ModelWords}: "title" is not a typo of "tile");
     * failing that, the analysed {@code term} is matched against the stems.
     */
    public Optional<Correction> correction(String word, String term) {
        return corrections.get(word + "\u0000" + term, key -> lookUp(word, term));
    }

    private Optional<Correction> lookUp(String word, String term) {
        if (ModelWords.isWord(word)) {
            return Optional.empty();
        }
        Optional<String> written = closest(TermAnalyzer.WORDS_FIELD, word.toLowerCase(java.util.Locale.ROOT));
        Optional<String> asWritten = written.flatMap(w -> analyzer.terms(w).stream().findFirst())
                .filter(corrected -> documentFrequency(corrected) > 0);
        if (asWritten.isPresent()) {
            return Optional.of(new Correction(asWritten.get(), written.get()));
        }
        // the stems are the second chance: "anounce" is one edit from the stem "announc", two from "announced"
        return closest(TermAnalyzer.FIELD, term).map(stem -> new Correction(stem, null));
    }

    private Optional<String> closest(String field, String text) {
        DirectSpellChecker checker = text.length() >= 8 ? twoEdits : oneEdit;
        try {
            SuggestWord[] words = checker.suggestSimilar(new Term(field, text), 1, searcher.getIndexReader(),
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return words.length == 0 ? Optional.empty() : Optional.of(words[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        // words of 3 and 4 letters were tried too: on the bank's validation split they cost more than they gained
        // (41 and 41 of 57 passed against 42), short words having too many neighbours one letter away
        checker.setMinQueryLength(5);
        checker.setMaxEdits(maxEdits);
        return checker;
    }
}
