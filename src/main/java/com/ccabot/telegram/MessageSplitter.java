package com.ccabot.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A splitter of Telegram HTML into messages no longer than a limit, breaking at paragraphs, lines, sentences or
 * spaces, and never inside a tag, an entity, a surrogate pair or an element.
 *
 * <p>Lengths are {@link String#length()}, UTF-16 units, which is never less than what Telegram counts. An element
 * longer than the limit is split inside and closed and reopened around each break, so every part stays balanced.
 */
public final class MessageSplitter {

    /** Telegram's limit on the length of a message's text. */
    public static final int TELEGRAM_LIMIT = 4096;

    private static final int MIN_LIMIT = 16;

    private MessageSplitter() {}

    /**
     * The message as parts of at most {@code limit} characters, in order, each trimmed and none empty; the message
     * itself when it fits, and no parts when it is blank.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 16
     */
    public static List<String> split(String html, int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("limit must be at least " + MIN_LIMIT + " characters, was " + limit);
        }
        if (html.isBlank()) {
            return List.of();
        }
        if (html.length() <= limit) {
            return List.of(html);
        }
        List<String> parts = new ArrayList<>();
        List<Token> rest = Token.parse(html);
        while (!rest.isEmpty()) {
            String whole = join(rest, 0, rest.size());
            if (whole.length() <= limit) {
                addPart(parts, whole);
                break;
            }
            Cut cut = bestCut(rest, limit, true);
            if (cut == null) {
                cut = bestCut(rest, limit, false);
            }
            if (cut == null) {
                // Even the tags of the open elements leave no room for text: keep the text, drop their markup.
                rest = unwrapFirstElement(rest);
                continue;
            }
            addPart(parts, join(rest, 0, cut.end) + closers(cut.open));
            int next = cut.end;
            while (next < rest.size() && rest.get(next).isSpace()) {
                next++;
            }
            List<Token> remaining = new ArrayList<>(cut.open);
            remaining.addAll(rest.subList(next, rest.size()));
            rest = remaining;
        }
        return List.copyOf(parts);
    }

    /** Where to end a part: before token {@code end}, with the elements {@code open} still open there. */
    private record Cut(int end, List<Token> open) {}

    /**
     * The best place to end a part within the limit: the highest-ranked break, the latest of those. With
     * {@code topLevel}, only outside every element; otherwise anywhere, counting the closing tags the part needs.
     */
    private static Cut bestCut(List<Token> tokens, int limit, boolean topLevel) {
        Deque<Token> open = new ArrayDeque<>();
        int length = 0;
        boolean hasText = false;
        int bestEnd = -1;
        int bestRank = -1;
        List<Token> bestOpen = List.of();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            length += token.text.length();
            if (length > limit) {
                break;
            }
            token.track(open);
            hasText |= !token.isTag();
            if (!hasText || (topLevel && !open.isEmpty())) {
                continue;
            }
            int closing = topLevel ? 0 : closers(openList(open)).length();
            if (length + closing > limit) {
                continue;
            }
            int rank = rank(tokens, i + 1);
            if (rank >= bestRank) {
                bestRank = rank;
                bestEnd = i + 1;
                bestOpen = topLevel ? List.of() : openList(open);
            }
        }
        return bestEnd < 0 ? null : new Cut(bestEnd, bestOpen);
    }

    /** How good a break before token {@code end} is: paragraph 4, line 3, sentence 2, space 1, anywhere else 0. */
    private static int rank(List<Token> tokens, int end) {
        String last = tokens.get(end - 1).text;
        String before = end >= 2 ? tokens.get(end - 2).text : "";
        if (last.equals("\n")) {
            return before.equals("\n") ? 4 : 3;
        }
        if (last.equals("。") || last.equals("？") || last.equals("！")
                || (last.equals(" ") && (before.equals(".") || before.equals("?") || before.equals("!")))) {
            return 2;
        }
        return tokens.get(end - 1).isSpace() ? 1 : 0;
    }

    private static List<Token> openList(Deque<Token> open) {
        List<Token> outermostFirst = new ArrayList<>(open.size());
        for (Iterator<Token> it = open.descendingIterator(); it.hasNext(); ) {
            outermostFirst.add(it.next());
        }
        return outermostFirst;
    }

    private static String closers(List<Token> outermostFirst) {
        StringBuilder out = new StringBuilder();
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            out.append("</").append(outermostFirst.get(i).tagName()).append('>');
        }
        return out.toString();
    }

    /** The tokens without the first opening tag and its closing tag. */
    private static List<Token> unwrapFirstElement(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens);
        for (int i = 0; i < out.size(); i++) {
            Token token = out.get(i);
            if (token.isOpening()) {
                int depth = 0;
                for (int j = i + 1; j < out.size(); j++) {
                    Token other = out.get(j);
                    if (other.isOpening() && other.tagName().equals(token.tagName())) {
                        depth++;
                    } else if (other.isClosing() && other.tagName().equals(token.tagName()) && depth-- == 0) {
                        out.remove(j);
                        break;
                    }
                }
                out.remove(i);
                return out;
            }
        }
        throw new IllegalStateException("no element to unwrap, yet no break fits");
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(tokens.get(i).text);
        }
        return out.toString();
    }

    private static void addPart(List<String> parts, String part) {
        String trimmed = part.strip();
        if (!trimmed.isEmpty()) {
            parts.add(trimmed);
        }
    }

    /** The smallest unit a break may not enter: a tag, an entity, a code point. */
    private record Token(String text) {

        static List<Token> parse(String html) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < html.length()) {
                int end = end(html, i);
                tokens.add(new Token(html.substring(i, end)));
                i = end;
            }
            return tokens;
        }

        private static int end(String html, int i) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close > i) {
                    return close + 1;
                }
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                if (semicolon > i + 1 && semicolon - i <= 10 && isEntityName(html, i + 1, semicolon)) {
                    return semicolon + 1;
                }
            }
            return html.offsetByCodePoints(i, 1);
        }

        private static boolean isEntityName(String html, int from, int to) {
            for (int k = from; k < to; k++) {
                char c = html.charAt(k);
                if (!Character.isLetterOrDigit(c) && c != '#') {
                    return false;
                }
            }
            return true;
        }

        boolean isTag() {
            return text.length() > 1 && text.charAt(0) == '<' && text.endsWith(">");
        }

        boolean isClosing() {
            return isTag() && text.startsWith("</");
        }

        boolean isOpening() {
            return isTag() && !isClosing() && !text.endsWith("/>") && !tagName().isEmpty();
        }

        boolean isSpace() {
            return text.length() == 1 && Character.isWhitespace(text.charAt(0));
        }

        String tagName() {
            int start = isClosing() ? 2 : 1;
            int end = start;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            return text.substring(start, end).toLowerCase(Locale.ROOT);
        }

        /** Updates the stack of open elements, innermost first, for this token. */
        void track(Deque<Token> open) {
            if (isOpening()) {
                open.push(this);
            } else if (isClosing()) {
                String name = tagName();
                if (open.stream().anyMatch(t -> t.tagName().equals(name))) {
                    // also pops the elements left unclosed inside this one
                    Token popped;
                    do {
                        popped = open.pop();
                    } while (!popped.tagName().equals(name));
                }
            }
        }
    }
}
