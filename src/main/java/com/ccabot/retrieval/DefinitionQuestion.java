package com.ccabot.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question asking what or who something is ("Who is Aziz Karimov?"), answered best by a sentence that describes
 * it ("Aziz Karimov, deputy chairman of …", "the council is …") rather than one that merely names it; or asking what
 * an abbreviation stands for ("What does IFAS stand for?", "CAREC full name"), answered by a sentence that spells it
 * out ("the International Fund for Agricultural Studies (IFAS)").
 */
final class DefinitionQuestion {

    private static final Pattern ASKS = Pattern.compile(
            "^(?:who|what)\\s+(?:is|are|was|were)\\s+(?:the\\s+|an?\\s+)?(.{2,80}?)[\\s?.!]*$", Pattern.CASE_INSENSITIVE);
    /** A word that may be an abbreviation; it is one when it has two capitals or more ("IFAS", "CAREC", "CoE"). */
    private static final String ABBREVIATION = "(\\p{L}{2,12})";
    /** The ways of asking what an abbreviation stands for. */
    private static final List<Pattern> SPELLS = List.of(
            Pattern.compile("\\bwhat (?:does|do|did) (?:the )?" + ABBREVIATION + " (?:stand for|mean)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:full (?:name|form)|expansion|meaning)(?: of)? (?:the )?" + ABBREVIATION + "(?![\\p{L}])",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?<![\\p{L}])" + ABBREVIATION + "(?:'s)? (?:full (?:name|form)|stands? for|is short for|abbreviation"
                    + "|acronym)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bwhat is (?:the )?" + ABBREVIATION + " short for\\b", Pattern.CASE_INSENSITIVE));
    /** The words of such a question that ask rather than name: not what the answer must hold. */
    static final Set<String> ASKING_WORDS = Set.of("full", "form", "stand", "stands", "short", "abbreviation",
            "acronym", "expansion", "meaning", "mean", "means");
    /** Small words an expansion may hold that its abbreviation leaves out: "Association *for* International Exchange". */
    private static final Set<String> LEFT_OUT = Set.of("of", "for", "and", "the", "on", "in", "&");

    private final Pattern describes;
    private final String abbreviation;

    private DefinitionQuestion(String subject, String abbreviation) {
        String quoted = Pattern.quote(subject);
        this.describes = subject.isEmpty() ? null : Pattern.compile(quoted + ",\\s+(?:the\\s+|an?\\s+)?\\p{Ll}|" + quoted
                + "\\s+(?:is|was|are|were)\\s", Pattern.CASE_INSENSITIVE);
        this.abbreviation = abbreviation;
    }

    static Optional<DefinitionQuestion> of(String question) {
        String asked = question.strip();
        for (Pattern spells : SPELLS) {
            Matcher matcher = spells.matcher(asked);
            while (matcher.find()) {
                if (matcher.group(1).chars().filter(Character::isUpperCase).count() >= 2) {
                    return Optional.of(new DefinitionQuestion("", matcher.group(1)));
                }
            }
        }
        Matcher matcher = ASKS.matcher(asked);
        return matcher.matches() ? Optional.of(new DefinitionQuestion(matcher.group(1), null)) : Optional.empty();
    }

    /** The abbreviation the question asks to have spelt out, if it asks that. */
    Optional<String> abbreviation() {
        return Optional.ofNullable(abbreviation);
    }

    boolean describedIn(String sentence) {
        return abbreviation != null ? spellsOut(sentence, abbreviation) : describes.matcher(sentence).find();
    }

    /**
     * Whether a text spells out an abbreviation: a run of capitalised words whose initials make it, small words
     * between them left out ("International Fund for Agricultural Studies" for IFAS).
     */
    static boolean spellsOut(String text, String abbreviation) {
        String letters = abbreviation.replaceAll("\\p{Ll}", "").toUpperCase(Locale.ROOT);
        List<String> words = new ArrayList<>(List.of(text.split("[^\\p{L}&]+")));
        for (int start = 0; start < words.size(); start++) {
            int matched = 0;
            for (int i = start; i < words.size() && matched < letters.length(); i++) {
                String word = words.get(i);
                if (word.isEmpty()) {
                    continue;
                }
                if (matched > 0 && LEFT_OUT.contains(word.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (!Character.isUpperCase(word.charAt(0)) || word.charAt(0) != letters.charAt(matched)
                        || word.equals(abbreviation)) {
                    break;
                }
                matched++;
            }
            if (matched == letters.length()) {
                return true;
            }
        }
        return false;
    }
}
