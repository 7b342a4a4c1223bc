package com.ccabot.knowledge;

import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Articles the tests write as web pages and PDFs: our own text about rail links between China and Central Asia,
 * with the noise real pages carry around it.
 */
public final class TestArticles {

    public static final String KHORGOS_TITLE = "Khorgos dry port moves China–Europe containers across a change of gauge";
    public static final String KHORGOS_OUTLET = "Steppe Freight Review";
    public static final List<String> KHORGOS_TEXT = List.of(
            "The Khorgos Gateway dry port lies on Kazakhstan's border with China, roughly 330 kilometres east of"
                    + " Almaty, and began handling trains in 2015.",
            "Freight trains cannot simply roll through the crossing. Chinese railways use the standard gauge of"
                    + " 1,435 millimetres, while Kazakhstan's network follows the broader 1,520-millimetre gauge"
                    + " inherited from the Soviet era.",
            "At Khorgos, gantry cranes lift containers from the wagons of one gauge onto the wagons of the other,"
                    + " and the swap takes a few hours for a full train.",
            "Beside the dry port, the Khorgos–Eastern Gate special economic zone offers land and tax incentives to"
                    + " logistics and processing firms.",
            "The shipping group COSCO and the port of Lianyungang acquired a stake in the dry port in 2017, tying it"
                    + " to a seaport on China's east coast.");

    public static final String QAMCHIQ_TITLE = "Qamchiq tunnel joins the Fergana Valley to Uzbekistan's rail network";
    public static final List<String> QAMCHIQ_TEXT = List.of(
            "The Qamchiq tunnel carries the Angren–Pap railway through the Kurama mountains in eastern Uzbekistan.",
            "At about 19.2 kilometres, it is the longest railway tunnel in Central Asia. China Railway Tunnel Group"
                    + " dug it in roughly three years, and it opened to trains in June 2016.",
            "Before the line existed, trains between Tashkent and the Fergana Valley had to pass through Tajikistan;"
                    + " the new route keeps the whole journey within Uzbekistan.",
            "Planners see the tunnel as one piece of a wider design: to tie the valley, the most populous region of"
                    + " the country, closely to the capital, and to shorten freight routes that run on towards China"
                    + " through Kyrgyzstan.");

    private TestArticles() {}

    /** The Khorgos article as a news site serves it: og metadata, navigation, a share box, an aside, a footer. */
    public static String khorgosPage() {
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : KHORGOS_TEXT) {
            paragraphs.append("      <p>").append(paragraph.replace("–", "&ndash;")).append("</p>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Khorgos dry port | Steppe Freight Review</title>
                  <meta property="og:title" content="%s">
                  <meta property="og:site_name" content="%s">
                  <meta property="og:url" content="https://freight.example/rail/khorgos-dry-port">
                  <meta property="article:published_time" content="2024-09-10T08:30:00+05:00">
                  <meta name="author" content="Aigerim Sadykova">
                  <script>var tracking = 'script text must not appear';</script>
                  <style>p { color: #222; }</style>
                </head>
                <body>
                  <header><a href="/">Steppe Freight Review</a> <span>Your weekly rail digest</span></header>
                  <nav><ul><li><a href="/">Home</a></li><li><a href="/rail">Rail</a></li><li><a href="/ports">Ports</a></li></ul></nav>
                  <article>
                    <header><h1>Khorgos dry port moves China&ndash;Europe containers across a change of gauge</h1>
                      <p class="byline">By Aigerim Sadykova, <time datetime="2024-09-10">10 September 2024</time></p></header>
                    <div class="share-buttons">Share on X · Share by e-mail</div>
                    <div class="body">
                %s    </div>
                    <aside><h2>Most read</h2><p>Aside text must not appear: a story about something else.</p></aside>
                  </article>
                  <div id="related-stories"><a href="/a">Related story one</a> <a href="/b">Related story two</a></div>
                  <footer><p>© 2024 Steppe Freight Review. Footer text must not appear.</p></footer>
                  <script>document.write('noscript text must not appear');</script>
                </body>
                </html>
                """.formatted(KHORGOS_TITLE, KHORGOS_OUTLET, paragraphs);
    }

    /** A section front: navigation and a list of headlines linking to stories, no article of its own. */
    public static String indexPage() {
        return """
                <!DOCTYPE html>
                <html><head><title>Rail | Steppe Freight Review</title></head>
                <body>
                  <nav><a href="/">Home</a> <a href="/rail">Rail</a></nav>
                  <main>
                    <h1>Rail</h1>
                    <ul>
                      <li><a href="/rail/khorgos-dry-port">Khorgos dry port moves containers across a change of gauge</a></li>
                      <li><a href="/rail/qamchiq">Qamchiq tunnel joins the Fergana Valley to the rail network</a></li>
                      <li><a href="/rail/ferries">Caspian ferries add sailings for the Middle Corridor</a></li>
                      <li><a href="/rail/wagons">New container wagons for the Almaty hub</a></li>
                    </ul>
                    <p><a href="/rail?page=2">More stories</a></p>
                  </main>
                  <footer>© 2024 Steppe Freight Review</footer>
                </body></html>
                """;
    }

    /** The Qamchiq article as a PDF with its title and date in the document information. */
    public static byte[] qamchiqPdf() {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tashkent"));
        created.clear();
        created.set(2016, Calendar.JUNE, 23, 10, 0);
        return TestPdfs.pdf(QAMCHIQ_TITLE, created, qamchiqBlocks(true));
    }

    /** The Qamchiq article as a PDF without document information: the title only as its first, larger line. */
    public static byte[] qamchiqPdfWithoutMetadata() {
        return TestPdfs.pdf(null, null, qamchiqBlocks(true));
    }

    static List<TestPdfs.Block> qamchiqBlocks(boolean withHeading) {
        List<TestPdfs.Block> blocks = new java.util.ArrayList<>();
        if (withHeading) {
            blocks.add(TestPdfs.heading(QAMCHIQ_TITLE));
        }
        QAMCHIQ_TEXT.forEach(paragraph -> blocks.add(TestPdfs.paragraph(paragraph)));
        return blocks;
    }
}
