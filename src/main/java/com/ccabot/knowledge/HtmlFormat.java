package com.ccabot.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML page: its main text without navigation, headers, footers, asides and scripts, and its title, date,
 * outlet and address from the page's own metadata.
 *
 * <p>The main text is the page's {@code <article>} (the longest, when there are several), else its {@code <main>},
 * else the element holding the most paragraph text. Lines that are mostly links (lists of other stories, tag
 * clouds) are left out; a page with less than {@value #MIN_TEXT} characters of text besides them is no article.
 */
final class HtmlFormat implements ArticleFormat {

    /** Fewer characters than this is a teaser or a page of links, not an article. */
    static final int MIN_TEXT = 200;
    static final String NO_TEXT = "no article text found (a navigation or index page?)";

    /** Elements that are never part of an article's text. */
    private static final String NOISE = "script, style, noscript, template, nav, header, footer, aside, form, button,"
            + " iframe, object, embed, svg, canvas, dialog, select, textarea, input, [hidden], [aria-hidden=true],"
            + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";
    /** Class or id words of the boxes around an article: sharing buttons, related stories, adverts. */
    private static final Set<String> NOISE_WORDS = Set.of("share", "sharing", "social", "related", "comment",
            "comments", "advert", "advertisement", "promo", "newsletter", "subscribe", "cookie",
            "cookies", "breadcrumb", "breadcrumbs", "sidebar", "popup", "modal", "menu");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final double MOSTLY_LINKS = 0.5;

    @Override
    public Article read(String file, byte[] content) {
        return read(file, content, "", null);
    }

    /**
     * Reads a page whose relative links resolve against {@code baseUri} (empty for a file).
     *
     * @param charset the charset the server gave, or {@code null}: then a byte-order mark or the page's own
     *                {@code <meta charset>} says, else UTF-8
     * @throws KnowledgeException when the page holds no article text
     */
    Article read(String file, byte[] content, String baseUri, String charset) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(content), charset, baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory does not fail
        }
        String outlet = meta(page, "meta[property=og:site_name]");
        String title = title(page, outlet);
        LocalDate date = date(page);
        String author = meta(page, "meta[name=author], meta[property=article:author]");
        String url = url(page);
        String lang = blankToNull(page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang"));

        page.select(NOISE).remove();
        Element main = mainText(page);
        // boxes inside the article only: a wrapper whose class names a sidebar may hold the article itself
        main.select("[class], [id]").stream().filter(e -> e != main && isNoiseBox(e)).forEach(Element::remove);
        List<String> lines = lines(main);
        if (title != null && !lines.isEmpty() && lines.get(0).equalsIgnoreCase(title)) {
            lines = lines.subList(1, lines.size()); // the headline again, as the page shows it
        }
        if (lines.stream().mapToInt(String::length).sum() < MIN_TEXT) {
            throw new KnowledgeException(NO_TEXT);
        }
        FileName name = FileName.of(file);
        return new Article(file, title != null ? title : name.title(), date != null ? date : name.date(), outlet,
                author != null && author.startsWith("http") ? null : author, url, lang, String.join("\n", lines));
    }

    /** og:title, else the {@code <title>} without the outlet's name, else the first {@code <h1>}. */
    private static String title(Document page, String outlet) {
        String title = meta(page, "meta[property=og:title], meta[name=twitter:title]");
        if (title == null) {
            title = blankToNull(ArticleText.oneLine(page.title()));
            if (title != null && outlet != null) {
                title = withoutOutlet(title, outlet);
            }
        }
        if (title == null && page.selectFirst("h1") != null) {
            title = blankToNull(ArticleText.oneLine(page.selectFirst("h1").text()));
        }
        return title;
    }

    /** "The treaty is signed | Daily News" without " | Daily News". */
    private static String withoutOutlet(String title, String outlet) {
        for (String separator : List.of(" | ", " - ", " – ", " — ", " :: ", " · ")) {
            String suffix = separator + outlet;
            if (title.length() > suffix.length() && title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    /** The publication date the page declares, or {@code null}. */
    private static LocalDate date(Document page) {
        List<String> candidates = new ArrayList<>();
        for (String query : List.of("meta[property=article:published_time]", "meta[itemprop=datePublished]",
                "meta[name=date]", "meta[name=pubdate]")) {
            Element meta = page.selectFirst(query);
            if (meta != null) {
                candidates.add(meta.attr("content"));
            }
        }
        for (String query : List.of("article time[datetime]", "main time[datetime]", "time[datetime]")) {
            Element time = page.selectFirst(query);
            if (time != null) {
                candidates.add(time.attr("datetime"));
            }
        }
        for (String candidate : candidates) {
            Matcher iso = ISO_DATE.matcher(candidate.strip());
            if (iso.lookingAt()) {
                LocalDate date = Headline.lenientDate(iso.group(1), iso.group(2), iso.group(3));
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    /** og:url, else the canonical link, as absolute addresses; {@code null} when the page gives neither. */
    private static String url(Document page) {
        String og = meta(page, "meta[property=og:url]");
        if (og != null && og.startsWith("http")) {
            return og;
        }
        Element canonical = page.selectFirst("link[rel=canonical][href]");
        return canonical == null ? null : blankToNull(canonical.absUrl("href"));
    }

    private static boolean isNoiseBox(Element element) {
        if (Set.of("body", "article", "main").contains(element.normalName())) {
            return false;
        }
        String names = element.className() + " " + element.id();
        return Arrays.stream(WORD_SEPARATORS.split(names.toLowerCase(Locale.ROOT))).anyMatch(NOISE_WORDS::contains);
    }

    /** The element that holds the article's text. */
    private static Element mainText(Document page) {
        List<Element> articles = page.select("article");
        if (!articles.isEmpty()) {
            return articles.stream().max(Comparator.comparingInt(a -> a.text().length())).orElseThrow();
        }
        Element main = page.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        Map<Element, Integer> paragraphText = new HashMap<>();
        for (Element paragraph : page.body().select("p")) {
            if (paragraph.parent() != null && !isNoiseBox(paragraph.parent())) { // not the comments below it
                paragraphText.merge(paragraph.parent(), paragraph.text().length(), Integer::sum);
            }
        }
        return paragraphText.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(page.body());
    }

    /** The text of {@code root} as lines, one a paragraph, heading, list item or caption, without lines of links. */
    private static List<String> lines(Element root) {
        LineCollector collector = new LineCollector();
        collector.traverse(root);
        collector.endLine();
        return collector.lines;
    }

    /** Collects text block by block, counting how much of each block is link text. */
    private static final class LineCollector implements NodeVisitor {

        final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int linkChars;
        private int openLinks;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String words = text.text();
                line.append(words);
                if (openLinks > 0) {
                    linkChars += words.strip().length();
                }
            } else if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    openLinks++;
                } else if (element.normalName().equals("br") || element.isBlock()) {
                    endLine();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    openLinks--;
                } else if (element.isBlock()) {
                    endLine();
                }
            }
        }

        void endLine() {
            String text = ArticleText.oneLine(line.toString());
            if (!text.isEmpty() && linkChars <= MOSTLY_LINKS * text.length()) {
                lines.add(text);
            }
            line.setLength(0);
            linkChars = 0;
        }
    }

    private static String meta(Document page, String query) {
        Element meta = page.selectFirst(query);
        return meta == null ? null : blankToNull(ArticleText.oneLine(meta.attr("content")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
