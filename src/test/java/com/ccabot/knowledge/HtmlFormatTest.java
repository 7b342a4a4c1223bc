package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlFormatTest {

    private final HtmlFormat html = new HtmlFormat();

    @Test
    void readsTheArticleWithoutNavigationHeadersFootersScriptsOrAsides() {
        Article article = html.read("rail/khorgos.html", utf8(TestArticles.khorgosPage()));

        assertThat(article.text().split("\n")).containsExactlyElementsOf(TestArticles.KHORGOS_TEXT);
        assertThat(article.text()).doesNotContain("must not appear", "Share on", "Related story", "Home", "By Aigerim");
        assertThat(article.file()).isEqualTo("rail/khorgos.html");
    }

    @Test
    void takesTitleDateOutletAuthorAddressAndLanguageFromThePagesMetadata() {
        Article article = html.read("khorgos.html", utf8(TestArticles.khorgosPage()));

        assertThat(article.title()).isEqualTo(TestArticles.KHORGOS_TITLE);
        assertThat(article.date()).isEqualTo(LocalDate.of(2024, 9, 10));
        assertThat(article.outlet()).isEqualTo(TestArticles.KHORGOS_OUTLET);
        assertThat(article.author()).isEqualTo("Aigerim Sadykova");
        assertThat(article.url()).isEqualTo("https://freight.example/rail/khorgos-dry-port");
        assertThat(article.lang()).isEqualTo("en");
    }

    @Test
    void withoutOpenGraphTakesTheTitleTagWithoutTheOutletTheTimeElementAndTheCanonicalLink() {
        String page = """
                <html><head><title>Caspian ferries add sailings - Port Weekly</title>
                <meta property="og:site_name" content="Port Weekly">
                <link rel="canonical" href="https://ports.example/ferries"></head>
                <body><main><h1>Caspian ferries add sailings</h1>
                <p>Posted <time datetime="2024-03-05T09:00">March 5</time></p>
                <p>%s</p></main></body></html>
                """.formatted(sentences(4));

        Article article = html.read("ferries.htm", utf8(page));

        assertThat(article.title()).isEqualTo("Caspian ferries add sailings");
        assertThat(article.date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(article.url()).isEqualTo("https://ports.example/ferries");
        assertThat(article.text()).startsWith("Posted March 5\n").doesNotContain("Caspian ferries add sailings");
    }

    @Test
    void withoutArticleOrMainTakesTheBlockWithTheMostParagraphText() {
        String page = """
                <html><body>
                <div class="top"><p>Short teaser one.</p><p>Short teaser two.</p></div>
                <div class="story"><p>%s</p><p>%s</p></div>
                <div class="comments"><p>%s</p><p>%s</p><p>%s</p></div>
                </body></html>
                """.formatted(sentences(3), sentences(3), sentences(3), sentences(3), sentences(3));

        Article article = html.read("2024-05-01-story.html", utf8(page));

        assertThat(article.text().split("\n")).hasSize(2).doesNotContain("Short teaser one.");
        assertThat(article.title()).isEqualTo("Story");
        assertThat(article.date()).isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @Test
    void keepsLineBreaksListItemsAndCaptionsAsLinesAndJoinsInlineText() {
        String page = """
                <html><body><article>
                <p>The <b>dry port</b> opened in <a href="/2015">2015</a>, first line<br>and a second line.</p>
                <figure><img src="crane.jpg"><figcaption>A gantry crane at Khorgos. (Photo: Test Desk)</figcaption></figure>
                <ul><li>Standard gauge: 1,435 mm.</li><li>Broad gauge: 1,520 mm.</li></ul>
                <p>%s</p>
                </article></body></html>
                """.formatted(sentences(2));

        Article article = html.read("a.html", utf8(page));

        assertThat(article.text().split("\n")).startsWith("The dry port opened in 2015, first line", "and a second line.",
                "A gantry crane at Khorgos. (Photo: Test Desk)", "Standard gauge: 1,435 mm.", "Broad gauge: 1,520 mm.");
    }

    @Test
    void readsTheCharsetThePageDeclares() {
        String page = "<html><head><meta charset=\"windows-1251\"><title>Тест</title></head><body><article><p>"
                + "Поезд прибыл в Алматы. " + sentences(3) + "</p></article></body></html>";

        Article article = html.read("ru.html", page.getBytes(java.nio.charset.Charset.forName("windows-1251")));

        assertThat(article.title()).isEqualTo("Тест");
        assertThat(article.text()).startsWith("Поезд прибыл в Алматы.");
    }

    @Test
    void rejectsAPageOfLinksWithNoArticleText() {
        assertThatThrownBy(() -> html.read("rail.html", utf8(TestArticles.indexPage())))
                .isInstanceOf(KnowledgeException.class)
                .hasMessage("no article text found (a navigation or index page?)");
    }

    @Test
    void rejectsAnEmptyPageAndOneThatIsNotHtml() {
        assertThatThrownBy(() -> html.read("empty.html", new byte[0])).hasMessageContaining("no article text found");
        assertThatThrownBy(() -> html.read("binary.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0D}))
                .hasMessageContaining("no article text found");
    }

    /** {@code n} sentences of filler, long enough together to count as article text. */
    static String sentences(int n) {
        return "Containers crossed the border at Khorgos on wagons of a wider gauge, and the cranes worked all night. "
                .repeat(n).strip();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
