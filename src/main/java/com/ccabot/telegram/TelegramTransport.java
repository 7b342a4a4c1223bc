package com.ccabot.telegram;

import com.ccabot.ask.Assistant;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.config.ConfigException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Runs the bot in Telegram by long polling: checks the token with getMe, registers the command menu, asks only
 * for the update types the bot handles, and on {@link #close()} stops polling and lets the answers in flight
 * finish.
 */
public final class TelegramTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);
    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{30,}");
    /** Edited messages are left out on purpose: an answer is to the question as it was asked. */
    private static final List<String> UPDATE_TYPES = List.of("message", "channel_post", "inline_query", "callback_query");
    private static final List<BotCommand> MENU = List.of(
            new BotCommand("ask", "Ask a question (in groups: /ask your question)"),
            new BotCommand("sources", "The articles I answer from"),
            new BotCommand("about", "How I answer"),
            new BotCommand("help", "How to ask"),
            new BotCommand("start", "Start"));

    private final TelegramBotsLongPollingApplication polling;
    private final TelegramBot bot;
    private final ScheduledExecutorService poller;

    private TelegramTransport(TelegramBotsLongPollingApplication polling, TelegramBot bot, ScheduledExecutorService poller) {
        this.polling = polling;
        this.bot = bot;
        this.poller = poller;
    }

    /**
     * Connects and starts answering. A malformed token is a {@link ConfigException}; a token Telegram rejects or
     * an unreachable Bot API an {@link IllegalStateException} saying so. Neither message contains the token.
     */
    public static TelegramTransport start(Assistant app, TelegramSettings settings, String token) {
        requireWellFormed(token);
        TelegramUrl url = telegramUrl(settings.apiUrl());
        OkHttpTelegramClient client = new OkHttpTelegramClient(new OkHttpClient(), token, url);
        User me = whoAmI(client);
        SendQueue sender = new SendQueue(client);
        try {
            client.execute(SetMyCommands.builder().commands(MENU).build());
        } catch (TelegramApiException e) {
            log.warn("could not register the command menu: {}", e.getMessage());
        }
        TelegramBot bot = new TelegramBot(app, sender, settings, me.getUserName(), me.getId());
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-polling");
            thread.setDaemon(true);
            return thread;
        });
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> poller, PollingBackOff::new);
        try {
            // the application starts out running: registering the bot starts its polling
            polling.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(UPDATE_TYPES), bot);
        } catch (TelegramApiException e) {
            poller.shutdownNow();
            throw new IllegalStateException("cannot start long polling: " + e.getMessage());
        }
        log.info("answering in Telegram as @{} via {}", me.getUserName(), settings.apiUrl());
        return new TelegramTransport(polling, bot, poller);
    }

    /** Stops start-up early, before anything loads, when the token cannot be a bot token. */
    public static void requireWellFormed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ConfigException("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then"
                    + " letters, as @BotFather gives it)");
        }
    }

    /** Stops polling, finishes the answers in flight (a few seconds at most), and releases the threads. */
    @Override
    public void close() {
        try {
            polling.close(); // closes the bot too, which drains its lanes
        } catch (Exception e) {
            log.warn("stopping long polling: {}", e.getMessage());
            bot.close();
        }
        poller.shutdownNow();
        log.info("stopped");
    }

    private static User whoAmI(OkHttpTelegramClient client) {
        try {
            return client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            if (Integer.valueOf(401).equals(e.getErrorCode()) || Integer.valueOf(404).equals(e.getErrorCode())) {
                throw new IllegalStateException("Telegram rejected the bot token (" + e.getErrorCode()
                        + " Unauthorized): check TELEGRAM_BOT_TOKEN, or get a new one from @BotFather");
            }
            throw new IllegalStateException("the Bot API answered getMe with an error: " + e.getMessage());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("cannot reach the Bot API: " + e.getMessage());
        }
    }

    static TelegramUrl telegramUrl(URI api) {
        boolean https = "https".equals(api.getScheme());
        int port = api.getPort() != -1 ? api.getPort() : https ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }
}
