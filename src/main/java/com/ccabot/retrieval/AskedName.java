package com.ccabot.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question for the name of something ("what is the name of the new dam", "what was the horse called"): a window
 * answers it only when it names that thing, with a name the question does not already give written beside the
 * word for it ("the Kambarata dam", "a horse named Arkadag", "the dam, Kambarata-1,"). A report that speaks of "the
 * dam" throughout, or names only what the question names ("an Akhal-Teke horse"), does not give its name.
 */
final class AskedName {

    private static final String WORD = "[\\p{L}][\\p{L}\\-']*";
    private static final Pattern NAME_OF = Pattern.compile("\\bname of (?:the |a |an |this |that |its |their )?((?:"
            + WORD + " ?){1,6})", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALLED = Pattern.compile("\\b(?:what|how) (?:is|was|are|were) (?:the |a |an |this |that |its |their )?"
            + "((?:" + WORD + " ){1,4}?)(?:called|named|known as)\\b", Pattern.CASE_INSENSITIVE);
    /** Words that end the phrase naming the thing: prepositions, relatives, auxiliaries. */
    private static final Set<String> ENDS = Set.of("of", "for", "in", "at", "on", "to", "from", "by", "with", "that",
            "which", "who", "where", "when", "whose", "is", "are", "was", "were", "did", "does", "do", "has", "have",
            "had", "will", "would", "and", "or", "the", "a", "an");
    /** Capitalised words that are no name besides days and months: a sentence's common words at its start. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "its", "their", "his", "her");
    /** Words between a thing's word and its name after it: "a horse named Arkadag", "the field known as…". */
    private static final Set<String> LEADS_TO_NAME = Set.of("named", "called", "known", "as", "dubbed", "titled");
    /** How many words from the thing's word its name may stand. */
    private static final int REACH = 3;

    private final String thing;
    private final Set<String> asked;

    private AskedName(String thing, Set<String> asked) {
        this.thing = thing;
        this.asked = asked;
    }

    /** The thing whose name the question asks for, when it asks for one. */
    static Optional<AskedName> of(String question) {
        Matcher of = NAME_OF.matcher(question);
        Matcher called = CALLED.matcher(question);
        String phrase = of.find() ? of.group(1) : called.find() ? called.group(1) : null;
        if (phrase == null) {
            return Optional.empty();
        }
        String head = head(phrase.strip().split("\\s+"));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = new java.util.HashSet<>();
        for (String word : question.split("[^\\p{L}\\p{N}\\-']+")) {
            asked.add(word.toLowerCase(Locale.ROOT));
        }
        return Optional.of(new AskedName(head.toLowerCase(Locale.ROOT), asked));
    }

    /**
     * The last word of the phrase that names the thing: it ends at a preposition, a relative or a verb, and at a
     * capitalised word after a word in lower case, which starts another phrase ("the horse Berdymukhamedov gave").
     */
    private static String head(String[] words) {
        String head = "";
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(word.charAt(0));
            if (ENDS.contains(lower) || lower.endsWith("ed") && i > 0
                    || capitalised && i > 0 && Character.isLowerCase(words[i - 1].charAt(0))) {
                break;
            }
            head = word;
        }
        // a name of the thing itself ("the name of Kambarata") asks nothing this can check
        return head.isEmpty() || Character.isUpperCase(head.charAt(0)) ? "" : head;
    }

    /** The word for the thing, for saying what the articles do not give. */
    String thing() {
        return thing;
    }

    /** Whether one of the sentences names the thing: a name the question lacks beside its word in lower case. */
    boolean namedIn(List<String> sentences) {
        for (String sentence : sentences) {
            String[] words = sentence.split("[^\\p{L}\\p{N}\\-']+");
            for (int i = 0; i < words.length; i++) {
                if (!sameWord(words[i]) || !Character.isLowerCase(words[i].charAt(0))) {
                    continue;
                }
                if (namedBeside(words, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a name stands right before the thing's word (past its other capitalised words and adjectives in lower
     * case: "the new Kambarata dam") or right after it, or after "named", "called", "known as" ("a horse named
     * Arkadag"); a preposition or a verb between them ends the search ("the horse from Turkmen President…").
     */
    private boolean namedBeside(String[] words, int at) {
        for (int j = at - 1; j > 0 && j >= at - REACH; j--) {
            if (isNewName(words[j])) {
                return true; // the sentence's first word, capitalised whatever it is, is left out
            }
            if (words[j].isEmpty() || Character.isLowerCase(words[j].charAt(0))
                    && (ENDS.contains(words[j]) || words[j].endsWith("ed"))) {
                break;
            }
        }
        for (int j = at + 1; j < words.length && j <= at + REACH; j++) {
            if (isNewName(words[j])) {
                return true;
            }
            if (!LEADS_TO_NAME.contains(words[j].toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        return false;
    }

    private boolean sameWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals(thing) || lower.equals(thing + "s") || lower.equals(thing + "es")
                || thing.endsWith("s") && lower.equals(thing.substring(0, thing.length() - 1));
    }

    private boolean isNewName(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                && !NOT_NAMES.contains(word.toLowerCase(Locale.ROOT)) && !MeaningMatches.time(word) && !asked.contains(word.toLowerCase(Locale.ROOT));
    }
}
