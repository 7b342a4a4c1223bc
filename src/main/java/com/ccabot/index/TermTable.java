package com.ccabot.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Words and the one term each stands for, read from a class-path resource of tab-separated lines: a term, then the
 * words it replaces ("kyrgyzstan", "kyrgyz", "kyrgyzstanis"). Text after "#" is a comment; blank lines are skipped.
 * A term may head several lines (one line per country: "korea" for North and South Korea), a word stands for one
 * term only, and a term is never itself replaced. Every term maps to itself.
 *
 * @param terms every word and term of the table, each mapped to its term
 * @param entries how many lines the table has: for the countries, how many countries
 */
record TermTable(Map<String, String> terms, int entries) {

    TermTable {
        terms = Map.copyOf(terms);
    }

    /** Reads a table, failing with the resource and line named when it is missing or malformed. */
    static TermTable load(String resource) {
        InputStream in = TermTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The term table " + resource + " is missing from the class path");
        }
        Map<String, String> terms = new HashMap<>();
        int entries = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                int comment = line.indexOf('#');
                String[] fields = (comment < 0 ? line : line.substring(0, comment)).strip().split("\t");
                if (fields[0].isEmpty()) {
                    continue;
                }
                entries++;
                String term = word(fields[0], resource, number);
                for (String field : fields) {
                    String word = word(field, resource, number);
                    String before = terms.putIfAbsent(word, term);
                    if (before != null && !before.equals(term)) {
                        throw new IllegalStateException(resource + " line " + number + ": \"" + word + "\" stands for both \""
                                + before + "\" and \"" + term + "\"");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the term table " + resource, e);
        }
        return new TermTable(terms, entries);
    }

    private static String word(String field, String resource, int line) {
        String word = field.strip();
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace) || !word.equals(word.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(resource + " line " + line + ": \"" + field
                    + "\" is not one lower-case word (fields are separated by single tabs)");
        }
        return word;
    }
}
