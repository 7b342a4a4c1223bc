package com.ccabot.chat;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import com.ccabot.knowledge.Article;
import java.util.ArrayList;
import java.util.List;

/** Plain-text renderings of answers and sources, for the console and for {@code ask} without {@code --json}. */
public final class AnswerText {

    private AnswerText() {}

    /** The answer, then its numbered sources. */
    public static String of(Answer answer) {
        StringBuilder text = new StringBuilder(answer.text());
        if (!answer.citations().isEmpty()) {
            text.append("\n\nSources:");
            for (Citation citation : answer.citations()) {
                text.append("\n[").append(citation.n()).append("] ")
                        .append(describe(citation.title(), citation.date(), citation.outlet()));
            }
        }
        return text.toString();
    }

    /** One line per article, numbered, for {@code :sources} and {@code /sources}. */
    /** What a reload by hand says: what changed, and what answers now come from. */
    public static String reloaded(String changed, int articles, int passages) {
        return "Reloaded (" + changed + "): " + articles + " articles, " + passages + " passages.";
    }

    public static String sources(List<Article> articles) {
        List<String> lines = new ArrayList<>();
        lines.add("I answer from " + articles.size() + (articles.size() == 1 ? " article:" : " articles:"));
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            String line = (i + 1) + ". " + describe(article.title(), article.date(), article.outlet());
            lines.add(article.url() == null ? line : line + " <" + article.url() + ">");
        }
        return String.join("\n", lines);
    }

    /** "Title — 2025-06-19, Xinhua", leaving out what is unknown. */
    static String describe(String title, java.time.LocalDate date, String outlet) {
        return title + details(date, outlet);
    }

    /** " — 2025-06-19, Xinhua" after a source's title, leaving out what is unknown; empty when both are. */
    public static String details(java.time.LocalDate date, String outlet) {
        List<String> about = new ArrayList<>(2);
        if (date != null) {
            about.add(date.toString());
        }
        if (outlet != null && !outlet.isBlank()) {
            about.add(outlet);
        }
        return about.isEmpty() ? "" : " — " + String.join(", ", about);
    }
}
