package com.ccabot.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene's English analysis (standard tokens, possessives, lower case, stop words, Porter stems), with thousands
 * separators removed first so that "4,500" in an article and "4500" in a question are the same term, and each word
 * replaced by the form its variants share ({@link TermVariantsFilter}) so that "Kyrgyz" and "Kyrgyzstan", "two
 * centres" and "2 centers" are the same terms too.
 */
public final class TermAnalyzer extends Analyzer {

    static final String FIELD = "text";
    /** The same text as written, lower-cased but not stemmed: the vocabulary spelling correction works on. */
    static final String WORDS_FIELD = "words";
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");

    /** The terms countries are indexed by, as this analysis spells them. */
    private final Set<String> countries;

    public TermAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY); // the two fields analyse differently: they must not share components
        Set<String> terms = new HashSet<>();
        TermVariants.COUNTRIES.terms().values().forEach(country -> terms.addAll(terms(country)));
        this.countries = Set.copyOf(terms);
    }

    /** Whether an analysed term names a country ("kyrgyzstan" for Kyrgyz, Kyrgyzstan, kyrgyzstanis). */
    public boolean namesCountry(String term) {
        return countries.contains(term);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(THOUSANDS, "", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        if (WORDS_FIELD.equals(fieldName)) {
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new TermVariantsFilter(result); // before stop words and stems: they see the shared form, never a variant
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /** One analysed term and the word it came from, as written. */
    public record Token(String term, String word) {}

    /** The terms of a text, in order, repeats included. */
    public List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    /** The terms of a text with the words they came from, in order. */
    public List<Token> tokens(String text) {
        List<Token> terms = new ArrayList<>();
        try (TokenStream stream = tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = offset.endOffset() <= text.length()
                        ? text.substring(offset.startOffset(), offset.endOffset()) : term.toString();
                terms.add(new Token(term.toString(), word));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return terms;
    }
}
