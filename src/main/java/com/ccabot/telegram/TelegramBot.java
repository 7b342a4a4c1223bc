package com.ccabot.telegram;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Conversations;
import com.ccabot.ask.AddedArticle;
import com.ccabot.ask.Assistant;
import com.ccabot.answer.ExtractiveBackend;
import com.ccabot.chat.AnswerStats;
import com.ccabot.chat.AnswerText;
import com.ccabot.chat.AskerLimits;
import com.ccabot.chat.Buckets;
import com.ccabot.chat.Notes;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.DownloadException;
import com.ccabot.knowledge.KnowledgeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram side of the bot: receives updates from long polling, routes each to what it asks, and answers in
 * the right chat, topic and reply thread — concurrently across conversations, in order within one.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final int LANE_THREADS = 32;
    private static final int INLINE_CACHE_SECONDS = 10;

    private final Assistant app;
    private final UpdateRouter router;
    private final SendQueue sender;
    private final TelegramSettings settings;
    private final AskerLimits limits;
    private final String username;
    private final TelegramMeters meters;
    private final BotStats stats;
    private final ChatLanes lanes = new ChatLanes(LANE_THREADS);
    /** Which conversation each of the bot's recent messages belongs to, so a reply to it continues that one. */
    private final Notes conversationOfMessage;

    public TelegramBot(Assistant app, SendQueue sender, TelegramSettings settings, String username, long botId) {
        this(app, sender, settings, username, botId, new TelegramMeters(app.meters()), Buckets.local(),
                Notes.local(Conversations.FORGET_AFTER));
    }

    /**
     * @param buckets the askers' allowances, shared by replicas when in Redis
     * @param notes   where the conversation of each message the bot sends is noted, for replies to it
     */
    TelegramBot(Assistant app, SendQueue sender, TelegramSettings settings, String username, long botId,
                TelegramMeters meters, Buckets buckets, Notes notes) {
        this.conversationOfMessage = notes;
        this.app = app;
        this.meters = meters;
        this.stats = new BotStats(new AnswerStats(app.meters()), meters);
        this.sender = sender;
        this.settings = settings;
        this.username = username;
        this.router = new UpdateRouter(username, botId, settings.channels());
        this.limits = new AskerLimits(settings.ratePerMinute(), settings.rateBurst(), buckets);
    }

    /**
     * Handles an update: in its conversation's lane, after the updates before it in that conversation; runs
     * {@code done} once it is handled (answered, or found to need no answer). A question whose reply could not be
     * delivered is not done: it stays in the journal and the next start answers it.
     */
    public void handle(Update update, Runnable done) {
        meters.updateReceived();
        Route route = asked(router.route(update));
        BooleanSupplier work;
        String lane;
        if (route instanceof Route.Ask ask) {
            lane = ask.target().conversation();
            // the asker's limit counts questions as they arrive, not as their chat's lane gets to them
            AskerLimits.Decision verdict = settings.allows(ask.target().chatId()) ? limits.check(ask.askerId()) : null;
            work = () -> ask(ask, verdict);
        } else if (route instanceof Route.Command command) {
            lane = command.target().conversation();
            work = () -> {
                command(command);
                return true; // commands, inline answers and button presses are best effort
            };
        } else if (route instanceof Route.Inline inline) {
            lane = "inline-" + inline.askerId();
            work = () -> {
                inline(inline);
                return true;
            };
        } else if (route instanceof Route.Callback callback) {
            lane = "callback";
            work = () -> {
                call(AnswerCallbackQuery.builder().callbackQueryId(callback.queryId()).build(), null);
                return true;
            };
        } else {
            log.debug("update {} ignored: {}", update.getUpdateId(), ((Route.Ignore) route).why());
            done.run();
            return;
        }
        lanes.submit(lane, () -> {
            boolean handled = true; // a failure of the bot's own is not tried again at every start
            try {
                handled = work.getAsBoolean();
            } finally {
                if (handled) {
                    done.run();
                } else {
                    log.info("update {} not answered yet: it is kept for the next start", update.getUpdateId());
                }
            }
        });
    }

    /** Lets the answers in flight finish, for up to {@code telegram.drain-timeout}, then stops the lanes. */
    @Override
    public void close() {
        try {
            lanes.drain(settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.close();
    }

    /** "/ask question" is a question like any other, counted against the asker's limit when it arrives. */
    private static Route asked(Route route) {
        if (route instanceof Route.Command command && command.name().equals("ask") && !command.argument().isBlank()) {
            return new Route.Ask(command.target(), command.askerId(), command.argument(), null);
        }
        return route;
    }

    /** Answers a question; false when the reply could not be delivered, so the question is kept for the next start. */
    private boolean ask(Route.Ask ask, AskerLimits.Decision verdict) {
        if (verdict == null) {
            log.debug("chat {} is not on the allow-list", ask.target().chatId());
            return true;
        }
        return switch (verdict) {
            case ANSWER -> answer(ask.target(), ask.question(), conversation(ask));
            case NOTIFY -> {
                meters.rateLimited();
                yield !reply(ask.target(), TelegramHtml.escape(AskerLimits.notice())).isEmpty();
            }
            case IGNORE -> {
                meters.rateLimited();
                yield true;
            }
        };
    }

    private boolean answer(ReplyTarget target, String question, String conversation) {
        // best effort: one try, never in the reply's way
        sender.once(SendChatAction.builder().chatId(target.chatId()).messageThreadId(target.threadId())
                .action(ActionType.TYPING.toString()).build());
        List<Integer> sent;
        Answer answer;
        if (app.streams()) {
            LiveReply live = new LiveReply(sender, target);
            answer = app.answer(question, conversation, live::update);
            sent = finish(live, TelegramHtml.answer(answer));
        } else {
            answer = app.answer(question, conversation);
            sent = reply(target, TelegramHtml.answer(answer));
        }
        for (int id : sent) {
            conversationOfMessage.put("message:" + target.chatId() + ":" + id, conversation);
        }
        return !sent.isEmpty();
    }

    /**
     * A private chat is one conversation; in a group or a channel a question starts a conversation of its own
     * (within its forum topic), and replying to the bot's answer continues it.
     */
    private String conversation(Route.Ask ask) {
        ReplyTarget target = ask.target();
        if (ask.repliesTo() != null) {
            Optional<String> continued = conversationOfMessage.get("message:" + target.chatId() + ":" + ask.repliesTo());
            if (continued.isPresent()) {
                return continued.get();
            }
        }
        return target.replyTo() == null ? "tg:" + target.chatId() : "tg:" + target.conversation() + ":" + target.replyTo();
    }

    private void command(Route.Command command) {
        ReplyTarget target = command.target();
        if (!settings.allows(target.chatId())) {
            return;
        }
        List<Article> articles = app.articles();
        switch (command.name()) {
            case "ask" -> {
                if (command.argument().isBlank()) { // "/ask question" arrives as a question (see asked)
                    reply(target, "Usage: <code>/ask your question</code>, e.g. <code>/ask " + TelegramHtml.escape(example(articles)) + "</code>");
                }
            }
            case "start" -> reply(target, greeting(articles));
            case "help" -> reply(target, help(isAdmin(command)));
            case "sources" -> reply(target, TelegramHtml.sources(articles));
            case "about" -> reply(target, about(articles));
            case "stats" -> reply(target, isAdmin(command) ? stats.format(app.cacheFigures())
                    + (app.backendFigures().isEmpty() ? "" : "\n" + TelegramHtml.escape(app.backendFigures()))
                    : notAllowed());
            case "reload" -> reply(target, isAdmin(command) ? reload() : notAllowed());
            case "add" -> reply(target, isAdmin(command) ? add(command.argument()) : notAllowed());
            default -> reply(target, "I don't know that command. Try /help.");
        }
    }

    private void inline(Route.Inline inline) {
        String query = inline.query();
        InlineQueryResultArticle result;
        if (query.isBlank()) {
            result = article("hint", "Ask about China–Central Asia cooperation",
                    "Type a question after @" + username + ", e.g. " + example(app.articles()),
                    TelegramHtml.escape("Ask me about China–Central Asia cooperation: @" + username + " your question"));
        } else {
            Answer answer = app.answer(query);
            String html = TelegramHtml.answer(answer);
            List<String> parts = MessageSplitter.split(html, MessageSplitter.TELEGRAM_LIMIT);
            result = answer.answered()
                    ? article("answer", "Answer with sources", TelegramHtml.toPlainText(answer.text()), parts.get(0))
                    : article("hint", "Not in my articles", answer.text(), html);
        }
        call(AnswerInlineQuery.builder().inlineQueryId(inline.queryId()).results(List.of(result))
                .cacheTime(INLINE_CACHE_SECONDS).build(), null);
    }

    private static InlineQueryResultArticle article(String id, String title, String description, String html) {
        return InlineQueryResultArticle.builder()
                .id(id)
                .title(title)
                .description(description.length() > 200 ? description.substring(0, 199) + "…" : description)
                .inputMessageContent(InputTextMessageContent.builder().messageText(html).parseMode(ParseMode.HTML).build())
                .build();
    }

    private String reload() {
        try {
            String changed = app.reload();
            return TelegramHtml.escape(AnswerText.reloaded(changed, app.articles().size(), app.passages()));
        } catch (KnowledgeException e) {
            return "Reload failed, still answering from the previous articles: " + TelegramHtml.escape(e.getMessage());
        }
    }

    /** Adds the article at a URL and says what it added, or why it could not. */
    private String add(String argument) {
        String text = argument.strip();
        if (text.isEmpty() || text.contains(" ")) {
            return "Usage: <code>/add https://…</code> — the address of a news article (an HTML page or a PDF).";
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return "Could not add it: " + TelegramHtml.escape("'" + text + "' is not a URL") + ".";
        }
        try {
            AddedArticle added = app.add(url);
            Article article = added.article();
            return "Added <b>" + TelegramHtml.escape(article.title()) + "</b>"
                    + (article.date() == null ? "" : " (" + article.date() + ")")
                    + ": " + added.passages() + (added.passages() == 1 ? " passage" : " passages") + ", saved as <code>"
                    + TelegramHtml.escape(article.file()) + "</code>. I answer from " + app.articles().size()
                    + " articles now.";
        } catch (DownloadException | KnowledgeException e) {
            return "Could not add it: " + TelegramHtml.escape(e.getMessage()) + ".";
        }
    }

    private boolean isAdmin(Route.Command command) {
        return settings.admins().contains(command.askerId());
    }

    private static String notAllowed() {
        return "Sorry, that command is for the bot's admins only.";
    }

    private String greeting(List<Article> articles) {
        StringBuilder text = new StringBuilder("Hello! I answer questions about <b>China–Central Asia cooperation</b>"
                + " — summits, treaties, trade, education, poverty reduction, desertification, forums — from "
                + articles.size() + " news articles, and I cite the article behind every claim.\n\n"
                + "Just type a question, for example:");
        articles.stream().limit(3)
                .forEach(a -> text.append("\n• <i>").append(TelegramHtml.escape(example(a))).append("</i>"));
        text.append("\n\nIn groups, mention me (@").append(TelegramHtml.escape(username))
                .append(") or use /ask. /sources lists my articles, /help shows the commands.");
        return text.toString();
    }

    private String help(boolean admin) {
        return "<b>How to ask</b>\nIn this chat, just type your question. In groups, mention @" + TelegramHtml.escape(username)
                + ", reply to one of my messages, or use /ask <i>question</i>. In any chat, type @"
                + TelegramHtml.escape(username) + " <i>question</i> to share an answer.\n\n"
                + "/sources — the articles I answer from\n/about — how I answer\n/help — this help"
                + (admin ? "\n\n<b>For admins</b>\n/add <i>URL</i> — add a news article (an HTML page or a PDF)"
                        + "\n/reload — read the articles again\n/stats — figures" : "");
    }

    private String about(List<Article> articles) {
        String backend = app.backendName();
        return "I answer with the <b>" + TelegramHtml.escape(backend) + "</b> backend"
                + (ExtractiveBackend.NAME.equals(backend) ? " (offline: sentences quoted from the articles)" : "")
                + " from <b>" + articles.size() + "</b> articles (" + app.passages() + " passages).";
    }

    /** A question a user could ask, made from an article's title rather than written into the code. */
    private static String example(List<Article> articles) {
        return articles.isEmpty() ? "what was agreed?" : example(articles.get(0));
    }

    private static String example(Article article) {
        return "What about " + article.title() + "?";
    }

    private static List<Integer> finish(LiveReply live, String html) {
        try {
            return live.finish(html);
        } catch (SendQueue.UndeliveredException e) {
            log.warn(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    /** Sends a reply; returns the ids of the messages that made it. */
    private List<Integer> reply(ReplyTarget target, String html) {
        try {
            return sender.send(target, MessageSplitter.split(html, MessageSplitter.TELEGRAM_LIMIT));
        } catch (SendQueue.UndeliveredException e) {
            log.warn(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    private void call(org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<?> method, Long chatId) {
        try {
            sender.call(method, chatId);
        } catch (TelegramApiException e) {
            log.warn("{} failed: {}", method.getMethod(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
