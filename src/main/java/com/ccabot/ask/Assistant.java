package com.ccabot.ask;

import com.ccabot.answer.Answer;
import com.ccabot.cache.CacheFigures;
import com.ccabot.knowledge.Article;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a transport (the console, Telegram, HTTP) needs of the bot, and no more: answers to questions within
 * conversations, what it answers from, its figures, a reload of its knowledge, and an article added from a URL.
 */
public interface Assistant {

    /**
     * Answers a message; never throws.
     *
     * @param conversation what the transport counts as one conversation (a console session, a private chat, a
     *                     group's reply chain), so a follow-up is understood; null for a question on its own
     * @param partial      receives the answer's text as a streaming backend writes it; null when not wanted
     */
    Answer answer(String message, String conversation, Consumer<String> partial);

    default Answer answer(String message, String conversation) {
        return answer(message, conversation, null);
    }

    default Answer answer(String message) {
        return answer(message, null, null);
    }

    /** Whether answers are written as they come ({@code partial} is called). */
    boolean streams();

    /** The answer backend's name: extractive, openai or ollama. */
    String backendName();

    /** The articles answers come from. */
    List<Article> articles();

    /** How many passages the articles are split into. */
    int passages();

    CacheFigures cacheFigures();

    /** The backend's own figures (model calls, tokens), or an empty string. */
    String backendFigures();

    /** The version of the index answers come from: it changes whenever the articles do. */
    String indexVersion();

    /** The meters questions, answers, the cache and the model are counted in. */
    MeterRegistry meters();

    /**
     * Reads the knowledge folder again and answers from it from then on; returns what changed ("1 added, 0
     * changed, 0 removed"). Throws {@link com.ccabot.knowledge.KnowledgeException} when it cannot be loaded,
     * leaving the old knowledge in place.
     */
    String reload();

    /**
     * Downloads the article at {@code url} (an HTML page or a PDF), saves it into the knowledge folder and reloads,
     * so that the next answers come from it too.
     *
     * @throws com.ccabot.knowledge.DownloadException  when the URL is refused, cannot be downloaded, holds no article
     *                                                 or was added before; nothing is saved
     * @throws com.ccabot.knowledge.KnowledgeException when the knowledge folder cannot be written or loaded again
     */
    AddedArticle add(URI url);
}
