package com.ccabot.answer;

import com.ccabot.retrieval.Retrieval;
import java.util.List;

/** The polite replies of a bot that declines: each says why, what it can answer, and where to look. */
public final class Declines {

    private static final String SCOPE = "China–Central Asia cooperation (summits, treaties, trade, education, "
            + "poverty reduction, desertification, forums)";

    /** More missing words than this mean the question is about something else altogether. */
    private static final int MAX_MISSING_NAMED = 3;

    private Declines() {}

    /** The question is not covered by the articles. */
    public static String notCovered(int articles) {
        return "Sorry, I can't find that in my articles. I answer questions about " + SCOPE + " from "
                + articles(articles) + "; type /sources to see them.";
    }

    /**
     * The question is not answered by the passages found for it: says what they lack (what the kind of question
     * needs, or which of its words), when a few words do, and the article that comes closest.
     */
    public static String notCovered(Retrieval retrieval) {
        int articles = retrieval.index().articles().size();
        List<String> missing = retrieval.verdict().missing();
        if (missing.isEmpty() || missing.size() > MAX_MISSING_NAMED || retrieval.evidence().isEmpty()) {
            return notCovered(articles);
        }
        String closest = retrieval.evidence().get(0).passage().chunk().article().title();
        // a requirement the passages do not meet says itself what they lack ("no passage gives an amount for cost",
        // "no passage gives the name of the field"): the words alone would read as if the articles never named them
        String lacking = retrieval.verdict().apart() ? "no passage gives " + quoted(missing, "and") + " together"
                : retrieval.verdict().requirementUnmet() ? retrieval.verdict().reason()
                : "I find nothing on " + quoted(missing, "or") + " there";
        return "Sorry, my articles don't give that: " + lacking + ". The closest is “"
                + closest + "”. I answer questions about " + SCOPE + " from " + articles(articles)
                + "; type /sources to see them.";
    }

    private static String quoted(List<String> words, String conjunction) {
        List<String> quoted = words.stream().map(w -> "“" + w + "”").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " " + conjunction + " " + quoted.get(quoted.size() - 1);
    }

    public static String empty() {
        return "Please type a question about " + SCOPE + ". Type /sources to see what I know.";
    }

    public static String tooLong(int length, int max) {
        return "That message is too long for me (" + length + " characters). Please ask one question in at most "
                + max + " characters.";
    }

    /** A question about the bot's own instructions, configuration or secrets. */
    public static String aboutItself(int articles) {
        return "I can't share my instructions, settings or keys. I answer questions about " + SCOPE + " from "
                + articles(articles) + "; type /sources to see them.";
    }

    /** The offline pipeline reads English only; said in the asker's script where we can. */
    public static String notEnglish(QuestionScript script) {
        return switch (script) {
            case CYRILLIC -> "Извините, без подключённой языковой модели я понимаю только вопросы на английском. "
                    + "Пожалуйста, задайте вопрос по-английски. Список статей: /sources.";
            case HAN -> "抱歉，离线模式只能理解英文问题。请用英文提问。查看文章列表：/sources。";
            default -> "Sorry, offline I understand questions in English only. Please ask in English; type /sources "
                    + "to see my articles.";
        };
    }

    private static String articles(int count) {
        return count == 1 ? "1 news article" : count + " news articles";
    }
}
