package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)[^>]*>");

    @Test
    void returnsAShortMessageUnchanged() {
        String html = "  <b>Sources</b>\n[1] A &amp; B  ";

        assertThat(MessageSplitter.split(html, 4096)).containsExactly(html);
    }

    @Test
    void rejectsALimitTooSmallToHoldATag() {
        assertThatThrownBy(() -> MessageSplitter.split("text", 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }

    @Test
    void splitsALongAnswerIntoBalancedPartsWithinTheLimit() {
        String html = TelegramHtml.answer(longAnswer());
        assertThat(html.length()).isGreaterThan(10_000);

        List<String> parts = MessageSplitter.split(html, MessageSplitter.TELEGRAM_LIMIT);

        assertThat(parts).hasSizeGreaterThan(2);
        assertWellFormed(parts, MessageSplitter.TELEGRAM_LIMIT);
        assertThat(nonWhitespace(String.join("", parts))).isEqualTo(nonWhitespace(html));
    }

    @Test
    void prefersAParagraphBreakToALineOrASentence() {
        String html = "First paragraph, line one.\nLine two. Still two.\n\nSecond paragraph is here.";

        assertThat(MessageSplitter.split(html, 60)).containsExactly(
                "First paragraph, line one.\nLine two. Still two.", "Second paragraph is here.");
        assertThat(MessageSplitter.split(html, 40)).containsExactly(
                "First paragraph, line one.", "Line two. Still two.", "Second paragraph is here.");
    }

    @Test
    void keepsALinkWholeInOnePart() {
        String link = "<a href=\"https://example.com/a?b=1&amp;c=2\">China – Central Asia summit</a>";
        String html = "Some words before the link " + link + " and some after it.";

        List<String> parts = MessageSplitter.split(html, 90);

        assertThat(parts).anySatisfy(part -> assertThat(part).contains(link));
        assertWellFormed(parts, 90);
    }

    @Test
    void closesAndReopensALinkLongerThanTheLimit() {
        String inner = "word &amp; ".repeat(60).strip();
        String html = "See <a href=\"https://example.com/x\">" + inner + "</a> there.";

        List<String> parts = MessageSplitter.split(html, 100);

        assertThat(parts).hasSizeGreaterThan(5);
        assertWellFormed(parts, 100);
        assertThat(parts.subList(1, parts.size() - 1))
                .allSatisfy(part -> assertThat(part).startsWith("<a href=\"https://example.com/x\">").endsWith("</a>"));
        assertThat(nonWhitespace(TelegramHtml.toPlainText(String.join("", parts))))
                .isEqualTo(nonWhitespace(TelegramHtml.toPlainText(html)));
    }

    @Test
    void cutsASingleHugeWordAnywhere() {
        String word = "ab".repeat(4_500);

        List<String> parts = MessageSplitter.split(word, 4096);

        assertThat(parts).extracting(String::length).containsExactly(4096, 4096, 808);
        assertThat(String.join("", parts)).isEqualTo(word);
    }

    @Test
    void neverSplitsAnEmojiOrAnEntity() {
        String text = "😀&amp;".repeat(3_000);

        for (int limit : List.of(16, 17, 18, 19, 20, 4095, 4096)) {
            List<String> parts = MessageSplitter.split(text, limit);

            assertWellFormed(parts, limit);
            assertThat(parts).allSatisfy(part -> {
                assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
            });
            assertThat(String.join("", parts)).isEqualTo(text);
        }
    }

    private static void assertWellFormed(List<String> parts, int limit) {
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(limit);
            assertThat(part).isNotBlank().isEqualTo(part.strip());
            assertThat(isBalanced(part)).as("balanced tags in %s", part).isTrue();
            assertThat(hasWholeEntities(part)).as("whole entities in %s", part).isTrue();
            assertThat(part.chars().filter(c -> c == '<').count())
                    .as("whole tags in %s", part)
                    .isEqualTo(part.chars().filter(c -> c == '>').count());
        });
    }

    private static boolean isBalanced(String part) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(part);
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                open.push(tag.group(2));
            } else if (open.isEmpty() || !open.pop().equals(tag.group(2))) {
                return false;
            }
        }
        return open.isEmpty();
    }

    private static boolean hasWholeEntities(String part) {
        if (part.startsWith(";") || part.matches("(?s)^[a-z#0-9]+;.*")) {
            return false;
        }
        for (int i = part.indexOf('&'); i >= 0; i = part.indexOf('&', i + 1)) {
            if (part.indexOf(';', i) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String nonWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Answer longAnswer() {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            text.append("Paragraph ").append(n).append(": China & Central Asia <agreed> on transport corridors. ")
                    .append("The railway \"C-K-U\" advanced further [").append(n).append("]. ")
                    .append("Trade grew by ").append(n).append("% year on year, officials said.\n")
                    .append("Another line with 😀 emoji and 中国—中亚峰会。继续合作。\n\n");
            citations.add(new Citation(n, "a" + n + ".md", "Article number " + n + " & more", LocalDate.of(2024, 1, n % 28 + 1),
                    "Xinhua", "https://example.com/news/" + n + "?a=1&b=2", 0.5, "quote"));
        }
        return new Answer("q", text.toString().strip(), true, citations, "offline", false, false, 0);
    }
}
