package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import com.ccabot.knowledge.Article;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void escapesTagsAndAmpersandsOfText() {
        assertThat(TelegramHtml.escape("<script>alert(\"x\")</script> & co"))
                .isEqualTo("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; co");
    }

    @Test
    void escapesQuotesAmpersandsAndBracketsInALinkAddress() {
        Article article = article("Trade & transit", "https://example.com/a?q=\"x\"&b=<c>", null, null);

        assertThat(TelegramHtml.sources(List.of(article))).isEqualTo("<b>I answer from 1 article:</b>\n"
                + "1. <a href=\"https://example.com/a?q=&quot;x&quot;&amp;b=&lt;c&gt;\">Trade &amp; transit</a>");
    }

    @Test
    void rendersAnAnswerWithItsNumberedSources() {
        Answer answer = new Answer("What was signed?", "The Xi'an summit signed 7 documents [1] & set up <a> secretariat [2].",
                true, List.of(
                        new Citation(1, "2023/xian.md", "China–Central Asia Summit <Xi'an>", LocalDate.of(2023, 5, 19),
                                "Xinhua", "https://news.cn/xian?a=1&b=2", 0.9, "quote"),
                        new Citation(2, "2024/secretariat.md", "Secretariat opens", null, "CGTN", null, 0.7, "quote")),
                "offline", false, false, 12);

        assertThat(TelegramHtml.answer(answer)).isEqualTo(
                "The Xi'an summit signed 7 documents [1] &amp; set up &lt;a&gt; secretariat [2].\n"
                        + "\n"
                        + "<b>Sources</b>\n"
                        + "[1] <a href=\"https://news.cn/xian?a=1&amp;b=2\">China–Central Asia Summit &lt;Xi'an&gt;</a>"
                        + " — 2023-05-19, Xinhua\n"
                        + "[2] Secretariat opens — CGTN");
    }

    @Test
    void leavesOutTheDashWhenACitationHasNeitherDateNorOutletAndLinksOnlyWebAddresses() {
        Answer answer = new Answer("q", "Text [1].", true,
                List.of(new Citation(1, "a.md", "Title", null, null, "javascript:alert(1)", 0.5, "quote")),
                "offline", false, false, 0);

        assertThat(TelegramHtml.answer(answer)).isEqualTo("Text [1].\n\n<b>Sources</b>\n[1] Title");
    }

    @Test
    void rendersADeclinedAnswerAsItsEscapedTextAlone() {
        Answer declined = Answer.declined("Who won the match?", "The articles don't cover <that> & more.", "offline");

        assertThat(TelegramHtml.answer(declined)).isEqualTo("The articles don't cover &lt;that&gt; &amp; more.");
    }

    @Test
    void listsTheArticlesItAnswersFrom() {
        List<Article> articles = List.of(
                article("Summit in Astana", "https://example.com/astana", LocalDate.of(2025, 6, 17), "Xinhua"),
                article("Railway <C-K-U>", null, LocalDate.of(2024, 12, 27), null),
                article("Notes", null, null, null));

        assertThat(TelegramHtml.sources(articles)).isEqualTo("<b>I answer from 3 articles:</b>\n"
                + "1. <a href=\"https://example.com/astana\">Summit in Astana</a> — 2025-06-17, Xinhua\n"
                + "2. Railway &lt;C-K-U&gt; — 2024-12-27\n"
                + "3. Notes");
    }

    @Test
    void turnsMarkupBackIntoThePlainTextItShows() {
        String text = "A <b>bold</b> claim & \"quotes\" </a> &amp; literally";

        assertThat(TelegramHtml.toPlainText(TelegramHtml.escape(text))).isEqualTo(text);
        assertThat(TelegramHtml.toPlainText("<b>Sources</b>\n[1] <a href=\"https://x.org/?a=&quot;1&quot;\">A &amp; B</a>"))
                .isEqualTo("Sources\n[1] A & B");
    }

    private static Article article(String title, String url, LocalDate date, String outlet) {
        return new Article("a.md", title, date, outlet, null, url, "en", "text");
    }
}
