package com.ccabot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into sentences without ever cutting one.
 *
 * <p>Each line is split on its own, because a line break always ends a sentence. Within a line, a
 * sentence ends at {@code . ! ? …} (and any closing quotes or brackets after it) followed by a space
 * and something that can start a sentence, unless the stop belongs to a number, an abbreviation, a
 * dotted acronym or an initial. News text pasted from the web often loses the space after a stop
 * ("conciseness.CGTN: What…"), so a stop glued to an upper-case letter also ends a sentence when a
 * real word precedes it. Full-width {@code 。！？} end a sentence with or without a space. A piece wholly in round
 * brackets after a sentence (a photo credit, an aside) stays with that sentence.
 */
public final class SentenceSplitter {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\h\\x0B\\f]+");
    /** A token such as {@code U.S} or {@code e.g}, seen without its final stop. */
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("\\p{L}(?:\\.\\p{L})+");

    private static final Set<String> ABBREVIATIONS = Set.of(
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "st", "jr", "sr", "mt", "lt", "col", "capt",
            "e.g", "i.e", "etc", "vs", "co", "corp", "inc", "ltd", "approx", "dept", "govt", "est", "cf");
    /** Abbreviations that are also ordinary words ("he said no."), so they count only before a number. */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "vol", "fig", "art", "p", "pp");

    private static final String STOPS = ".!?…";
    private static final String FULL_WIDTH_STOPS = "。！？";
    private static final String CLOSERS = "\"'”’)]}»›」』）】〕";
    private static final String OPENERS = "\"'“‘([{«‹「『（【";

    /** Returns the sentences of {@code text} in order, each trimmed with runs of spaces collapsed. */
    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : LINE_BREAK.split(text, -1)) {
            String clean = collapseSpaces(line).strip();
            if (!clean.isEmpty()) {
                List<String> ofLine = new ArrayList<>();
                splitLine(clean, ofLine);
                for (int i = 0; i < ofLine.size(); i++) {
                    String sentence = ofLine.get(i);
                    if (i > 0 && isAside(sentence)) {
                        // a credit or an aside in brackets after a sentence belongs to it: "… in Astana. (Xinhua/Li Wei)"
                        sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + sentence);
                    } else {
                        sentences.add(sentence);
                    }
                }
            }
        }
        return List.copyOf(sentences);
    }

    /**
     * Every run of horizontal space as one space, as {@link #HORIZONTAL_SPACE} replaced by a space gives, but the
     * pattern runs only on a line that needs it: in the usual line, of words between single spaces, the pattern
     * would replace every space by a space, which was two fifths of the time taken to chunk a large folder.
     */
    private static String collapseSpaces(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            // a lone ' ' stays as it is; any other space, or a space before another, is the pattern's work
            if (c == ' ' ? i + 1 < line.length() && maybeSpace(line.charAt(i + 1)) : maybeSpace(c)) {
                return HORIZONTAL_SPACE.matcher(line).replaceAll(" ");
            }
        }
        return line;
    }

    /** Whether a character may be one of {@link #HORIZONTAL_SPACE}'s: true for all of them, and a few more. */
    private static boolean maybeSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u180e';
    }

    /**
     * Whether a piece of a line is wholly in round brackets and no sentence itself: "(Xinhua/Li Wei)", not
     * "(It was late.)".
     */
    private static boolean isAside(String piece) {
        return piece.length() > 2 && piece.charAt(0) == '(' && piece.charAt(piece.length() - 1) == ')'
                && piece.indexOf(')') == piece.length() - 1
                && piece.chars().noneMatch(c -> STOPS.indexOf(c) >= 0 || FULL_WIDTH_STOPS.indexOf(c) >= 0);
    }

    private void splitLine(String line, List<String> sentences) {
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (FULL_WIDTH_STOPS.indexOf(c) >= 0) {
                int end = skip(line, i + 1, CLOSERS);
                add(line.substring(start, end), sentences);
                start = end;
                i = end;
            } else if (STOPS.indexOf(c) >= 0) {
                int stopsEnd = skip(line, i + 1, STOPS);
                int end = skip(line, stopsEnd, CLOSERS);
                if (endsSentence(line, i, stopsEnd, end)) {
                    add(line.substring(start, end), sentences);
                    start = end;
                    i = end;
                } else {
                    i = stopsEnd;
                }
            } else {
                i++;
            }
        }
        add(line.substring(start), sentences);
    }

    /**
     * Tells whether the stops at {@code [stop, stopsEnd)}, followed by closers up to {@code end},
     * end a sentence.
     */
    private boolean endsSentence(String line, int stop, int stopsEnd, int end) {
        if (end >= line.length()) {
            return true;
        }
        boolean singleFullStop = stopsEnd - stop == 1 && line.charAt(stop) == '.';
        if (line.charAt(end) == ' ') {
            int next = end + 1;
            if (next >= line.length()) {
                return true;
            }
            int first = line.codePointAt(next);
            return canStartSentence(first)
                    && !(singleFullStop && isAbbreviation(wordBefore(line, stop), Character.isDigit(first)));
        }
        // No space after the stop: only a stop glued to a capital, right after a real word, counts.
        if (end != stopsEnd || !Character.isUpperCase(line.charAt(end))) {
            return false;
        }
        return singleFullStop ? isGluedWord(line, stop) : stop > 0 && Character.isLetterOrDigit(line.charAt(stop - 1));
    }

    /** The token before position {@code stop}, without leading opening quotes or brackets. */
    private static String wordBefore(String line, int stop) {
        int from = line.lastIndexOf(' ', stop - 1) + 1;
        while (from < stop && OPENERS.indexOf(line.charAt(from)) >= 0) {
            from++;
        }
        return line.substring(from, stop);
    }

    private static boolean isAbbreviation(String token, boolean beforeNumber) {
        if (token.isEmpty()) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        String lastWord = lower.substring(lastLetterRun(lower, lower.length()));
        if (ABBREVIATIONS.contains(lower) || ABBREVIATIONS.contains(lastWord)) {
            return true;
        }
        if (beforeNumber && (NUMBER_ABBREVIATIONS.contains(lower) || NUMBER_ABBREVIATIONS.contains(lastWord))) {
            return true;
        }
        boolean initial = token.length() == 1 && Character.isUpperCase(token.charAt(0));
        return initial || DOTTED_ACRONYM.matcher(token).matches();
    }

    /**
     * Tells whether the full stop at {@code stop} closes a real word ("conciseness.CGTN"), as opposed
     * to an acronym ("U.S.A"), an initial or an abbreviation ("St.Petersburg").
     */
    private static boolean isGluedWord(String line, int stop) {
        int from = lastLetterRun(line, stop);
        if (stop - from < 2 || (from > 0 && line.charAt(from - 1) == '.')) {
            return false;
        }
        String word = line.substring(from, stop);
        for (int k = 1; k < word.length(); k++) {
            if (Character.isUpperCase(word.charAt(k))) {
                return false;
            }
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))
                && !NUMBER_ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The start of the run of letters that ends at {@code end}. */
    private static int lastLetterRun(String s, int end) {
        int from = end;
        while (from > 0 && Character.isLetter(s.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    private static boolean canStartSentence(int codePoint) {
        return Character.isUpperCase(codePoint)
                || Character.isTitleCase(codePoint)
                || Character.isDigit(codePoint)
                || OPENERS.indexOf(codePoint) >= 0
                || (Character.isLetter(codePoint)
                        && Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.LATIN);
    }

    private static int skip(String line, int from, String chars) {
        int i = from;
        while (i < line.length() && chars.indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void add(String sentence, List<String> sentences) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
