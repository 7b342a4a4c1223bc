package com.ccabot.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The one form several ways of writing the same thing share, for a lower-cased word: a country for its adjective or
 * demonym (kyrgyz, kyrgyzstanis → kyrgyzstan), a region for its adjective (asian → asia), digits for a number word
 * (two → 2, twelfth → 12th), one spelling for British and American ones (centre → center, organization →
 * organisation), a noun of size for the adjective news gives it with (long → length), a word for its chat shorthand
 * (ppl → people). The tables are resources
 * under terms/; numbers and regular spelling differences are code.
 */
final class TermVariants {

    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] UNIT_ORDINALS = {null, "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth"};
    private static final String[] TENS = {null, null, "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] TENS_ORDINALS = {null, null, "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
        "seventieth", "eightieth", "ninetieth"};

    /** The countries alone, for their count. */
    static final TermTable COUNTRIES = TermTable.load("terms/countries.tsv");

    /*
     * Loaded once for the whole process: the tables are immutable resources of the build, the same for every
     * analyzer, so a static immutable map is all the state there is.
     */
    private static final Map<String, String> WORDS = load();

    private TermVariants() {}

    private static Map<String, String> load() {
        Map<String, String> words = new HashMap<>();
        for (int n = 0; n < UNITS.length; n++) {
            words.put(UNITS[n], Integer.toString(n));
            if (UNIT_ORDINALS[n] != null) {
                words.put(UNIT_ORDINALS[n], ordinal(n));
            }
        }
        for (int tens = 2; tens < TENS.length; tens++) {
            words.put(TENS[tens], Integer.toString(tens * 10));
            words.put(TENS_ORDINALS[tens], ordinal(tens * 10));
        }
        for (TermTable table : List.of(COUNTRIES, TermTable.load("terms/regions.tsv"), TermTable.load("terms/spellings.tsv"),
                TermTable.load("terms/units.tsv"), TermTable.load("terms/dimensions.tsv"), TermTable.load("terms/shorthand.tsv"))) {
            table.terms().forEach((word, term) -> {
                String before = words.putIfAbsent(word, term);
                if (before != null && !before.equals(term)) {
                    throw new IllegalStateException("The term tables map \"" + word + "\" to both \"" + before + "\" and \""
                            + term + "\"");
                }
            });
        }
        words.values().stream().filter(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET::contains).findAny().ifPresent(term -> {
            // the variants are replaced before stop words are dropped: a term that is a stop word would be lost
            throw new IllegalStateException("The term \"" + term + "\" is a stop word");
        });
        return Map.copyOf(words);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 / 10 == 1 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /**
     * A short digest of every replacement: part of the index's format, so that an index analysed with other tables
     * is built again instead of being searched with words it was never given.
     */
    static String fingerprint() {
        StringBuilder all = new StringBuilder();
        new java.util.TreeMap<>(WORDS).forEach((word, term) -> all.append(word).append('=').append(term).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Every word of the tables and every number word, each with the form it is replaced by. */
    static Map<String, String> words() {
        return WORDS;
    }

    /** The form a lower-cased word shares with its variants: itself when it has none. */
    static String canonical(String word) {
        String term = WORDS.get(word);
        return term != null ? term : SpellingRules.canonical(word);
    }

    /** Whether a word is a multiple of ten that a unit may follow: twenty (-five), ninety (-first). */
    static boolean startsNumber(String word) {
        return Arrays.asList(TENS).contains(word);
    }

    /**
     * The number two words make when the first is a multiple of ten and the second a unit: twenty five → 25,
     * twenty-first → 21st; null otherwise.
     */
    static String number(String tens, String unit) {
        int ten = Arrays.asList(TENS).indexOf(tens);
        int cardinal = Arrays.asList(UNITS).indexOf(unit);
        int ordinal = Arrays.asList(UNIT_ORDINALS).indexOf(unit);
        if (ten < 0 || Math.max(cardinal, ordinal) < 1 || Math.max(cardinal, ordinal) > 9) {
            return null;
        }
        return cardinal > 0 ? Integer.toString(ten * 10 + cardinal) : ordinal(ten * 10 + ordinal);
    }
}
