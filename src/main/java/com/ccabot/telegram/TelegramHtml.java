package com.ccabot.telegram;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import com.ccabot.chat.AnswerText;
import com.ccabot.knowledge.Article;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Telegram Bot API's HTML parse mode: escaping, and the markup of answers and source listings.
 *
 * <p>Only {@code <b>} and {@code <a href>} are produced; every {@code <}, {@code >} and {@code &} of text is
 * escaped, and in an {@code href} also {@code "}.
 */
public final class TelegramHtml {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private TelegramHtml() {}

    /** The text with {@code <}, {@code >} and {@code &} escaped as entities. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The answer's escaped text with its {@code [n]} markers and, when it cites anything, a blank line,
     * {@code <b>Sources</b>} and one line per citation: {@code [n] title — date, outlet}.
     */
    public static String answer(Answer answer) {
        StringBuilder out = new StringBuilder(escape(answer.text()));
        if (answer.citations().isEmpty()) {
            return out.toString();
        }
        out.append("\n\n<b>Sources</b>");
        for (Citation c : answer.citations()) {
            String title = c.title() != null ? c.title() : c.source();
            out.append('\n').append('[').append(c.n()).append("] ")
                    .append(link(title, c.url())).append(details(c.date(), c.outlet()));
        }
        return out.toString();
    }

    /** The numbered list of the articles the bot answers from, each as {@code n. title — date, outlet}. */
    public static String sources(List<Article> articles) {
        StringBuilder out = new StringBuilder("<b>I answer from ").append(articles.size())
                .append(articles.size() == 1 ? " article:</b>" : " articles:</b>");
        int n = 1;
        for (Article a : articles) {
            out.append('\n').append(n++).append(". ").append(link(a.title(), a.url()))
                    .append(details(a.date(), a.outlet()));
        }
        return out.toString();
    }

    /**
     * The text of the markup without its tags and with {@code &lt; &gt; &quot; &amp;} unescaped: what to resend
     * when Telegram rejects the HTML ("can't parse entities").
     */
    public static String toPlainText(String html) {
        return TAG.matcher(html).replaceAll("")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String link(String title, String url) {
        if (!isWebUrl(url)) {
            return escape(title);
        }
        return "<a href=\"" + escape(url).replace("\"", "&quot;") + "\">" + escape(title) + "</a>";
    }

    private static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String details(LocalDate date, String outlet) {
        return escape(AnswerText.details(date, outlet));
    }
}
