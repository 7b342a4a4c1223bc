package com.ccabot.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regular differences between British and American spelling, as suffix rules that bring both to one form.
 * Questions and articles go through the same rules, so the form chosen only has to be the same for both spellings
 * and rarely the same for two different words; it is the one that disturbs fewer words and fewer of the Porter
 * stemmer's word families:
 * <ul>
 * <li>-our → -or (colour, coloured, colourful, behavioural → color, colored, colorful, behavioral), when at least
 * three letters come before it: hour, hours, yours, four, tour, pour, flour keep their spelling;</li>
 * <li>-ize → -ise and -yze → -yse (organize, organization, analyzed → organise, organisation, analysed): the other
 * way round would also change every word that ends in -ise in both spellings (advertise, promise, precise) and
 * split it from the rest of its family (advertisement, promising, precisely), as Porter strips -ize but not -ise;</li>
 * <li>-tre, -bre → -ter, -ber (centre, centres, centred, fibre → center, centers, centered, fiber);</li>
 * <li>-logue, -gogue → -log, -gog (catalogue, dialogues → catalog, dialogs);</li>
 * <li>-lled, -lling, -ller, -llor → -led, -ling, -ler, -lor (fuelled, dialling, counsellor → fueled, dialing,
 * counselor), when at least two vowels come before: called, filled, selling, teller keep their spelling. Porter
 * already makes travelled and traveled one stem; it does not for fuelled and dialled, nor for counsellor.</li>
 * </ul>
 * Irregular spellings (defence, grey, programme) are in the resource terms/spellings.tsv, not here. One known
 * collision: timbre becomes timber.
 */
final class SpellingRules {

    /** A word that ends in {@code from}, with at least {@code minStem} letters before it, ends in {@code to}. */
    private record Rule(String from, String to, int minStem, boolean twoVowelsBefore) {}

    private static final List<Rule> RULES = rules();

    private SpellingRules() {}

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (String tail : List.of("", "s", "ed", "ing", "er", "ers", "ite", "ites", "itism", "able", "ably", "ful", "fully",
                "less", "hood", "hoods", "al", "ally", "y", "ist", "ists")) {
            rules.add(new Rule("our" + tail, "or" + tail, 3, false));
        }
        for (String tail : List.of("e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able")) {
            rules.add(new Rule("iz" + tail, "is" + tail, 2, false));
        }
        for (String tail : List.of("e", "es", "ed", "ing", "er", "ers")) {
            rules.add(new Rule("yz" + tail, "ys" + tail, 2, false));
        }
        rules.add(new Rule("tre", "ter", 2, false));
        rules.add(new Rule("tres", "ters", 2, false));
        rules.add(new Rule("ntred", "ntered", 1, false));
        rules.add(new Rule("ntring", "ntering", 1, false));
        rules.add(new Rule("bre", "ber", 2, false));
        rules.add(new Rule("bres", "bers", 2, false));
        for (String ending : List.of("logue", "gogue")) {
            String stem = ending.substring(0, 3);
            for (String[] tail : new String[][] {{"", ""}, {"s", "s"}, {"d", "ed"}, {"ing", "ing"}}) {
                rules.add(new Rule(ending + tail[0], stem + tail[1], 2, false));
            }
        }
        for (String tail : List.of("ed", "ing", "er", "ers", "or", "ors")) {
            rules.add(new Rule("ll" + tail, "l" + tail, 2, true));
        }
        // the longest ending that matches decides, whether or not its rule then applies
        rules.sort(Comparator.comparingInt((Rule rule) -> rule.from().length()).reversed());
        return List.copyOf(rules);
    }

    /** The word in the spelling both forms share; the word itself when no rule applies. */
    static String canonical(String word) {
        if (word.length() < 5 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        for (Rule rule : RULES) {
            if (word.endsWith(rule.from())) {
                String stem = word.substring(0, word.length() - rule.from().length());
                boolean applies = stem.length() >= rule.minStem() && (!rule.twoVowelsBefore() || vowels(stem) >= 2);
                return applies ? stem + rule.to() : word;
            }
        }
        return word;
    }

    /** The vowel letters of a word, the u of qu not counted (quelled is one syllable). */
    private static int vowels(String word) {
        int vowels = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("aeiou".indexOf(c) >= 0 && !(c == 'u' && i > 0 && word.charAt(i - 1) == 'q')) {
                vowels++;
            }
        }
        return vowels;
    }
}
