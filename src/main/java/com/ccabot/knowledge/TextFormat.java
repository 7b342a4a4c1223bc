package com.ccabot.knowledge;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Markdown and plain text in UTF-8, with optional YAML front matter; without it, the title and date come from the
 * first lines or the file name.
 */
final class TextFormat implements ArticleFormat {

    private final FrontMatterParser frontMatterParser = new FrontMatterParser();
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Override
    public Article read(String file, byte[] content) {
        String text = ArticleText.decode(content);
        if (text.isBlank()) {
            throw new KnowledgeException("empty");
        }
        FrontMatter frontMatter = frontMatterParser.parse(text);
        LocalDate date = frontMatter.date();
        String title = frontMatter.get("title");
        String body = frontMatter.body().strip();
        if (title == null) {
            Headline headline = Headline.read(body, splitter);
            title = headline.title();
            date = date != null ? date : headline.date();
            body = headline.text();
        }
        if (body.isEmpty()) {
            throw new KnowledgeException("empty");
        }
        FileName name = FileName.of(file);
        return new Article(file, title != null ? ArticleText.oneLine(title) : name.title(), date != null ? date : name.date(),
                frontMatter.get("source"), frontMatter.get("author"), frontMatter.get("url"),
                frontMatter.get("lang"), body);
    }

    /**
     * The article as a Markdown file with front matter: what {@link #read} reads back as the same article, the
     * text's lines as paragraphs.
     */
    static String markdown(Article article) {
        StringBuilder text = new StringBuilder("---\n");
        field(text, "title", article.title());
        if (article.date() != null) {
            text.append("date: ").append(article.date()).append('\n');
        }
        field(text, "source", article.outlet());
        field(text, "author", article.author());
        field(text, "url", article.url());
        field(text, "lang", article.lang());
        text.append("---\n");
        for (String line : article.text().split("\n")) {
            if (!line.isBlank()) {
                text.append('\n').append(line.strip()).append('\n');
            }
        }
        return text.toString();
    }

    private static void field(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append(key).append(": ").append(quoted(ArticleText.oneLine(value))).append('\n');
        }
    }

    /** A YAML double-quoted scalar: safe whatever the value holds. */
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
