package com.ccabot.telegram;

import com.ccabot.ask.Assistant;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.config.ConfigException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Runs the bot in Telegram: checks the token with getMe, registers the command menu, and takes updates by long
 * polling ({@link UpdatePoller}) or from a webhook ({@link WebhookUpdates}, set with {@code setWebhook} and a
 * secret), asking only for the update types the bot handles and journaling every update before confirming it. On
 * {@link #close()} it stops taking updates and lets the answers in flight finish, leaving the rest for the next
 * start.
 */
public final class TelegramTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);
    /** How long one getUpdates waits for news: Telegram's recommended long poll. */
    private static final int POLL_SECONDS = 50;
    private static final Duration POLL_SLACK = Duration.ofSeconds(15);
    private static final Duration SEND_READ_TIMEOUT = Duration.ofSeconds(30);
    /** What a bot token looks like: checked at start, and masked wherever an error might show one. */
    static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{30,}");
    /** Edited messages are left out on purpose: an answer is to the question as it was asked. */
    private static final List<String> UPDATE_TYPES = List.of("message", "channel_post", "inline_query", "callback_query");
    private static final List<BotCommand> MENU = List.of(
            new BotCommand("ask", "Ask a question (in groups: /ask your question)"),
            new BotCommand("sources", "The articles I answer from"),
            new BotCommand("about", "How I answer"),
            new BotCommand("help", "How to ask"),
            new BotCommand("start", "Start"));

    /** What Telegram's secret_token allows. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final UpdatePoller poller;
    private final WebhookUpdates webhook;
    private final TelegramBot bot;
    private final Inbox inbox;
    private final boolean replicas;

    private TelegramTransport(UpdatePoller poller, WebhookUpdates webhook, TelegramBot bot, Inbox inbox,
                              boolean replicas) {
        this.replicas = replicas;
        this.poller = poller;
        this.webhook = webhook;
        this.bot = bot;
        this.inbox = inbox;
    }

    /**
     * Connects and starts answering: first what the journal holds from before the last stop, then new updates.
     * A malformed token is a {@link ConfigException}; a token Telegram rejects or an unreachable Bot API an
     * {@link IllegalStateException} saying so. Neither message contains the token.
     */
    public static TelegramTransport start(Assistant app, TelegramSettings settings, String token) {
        return start(app, settings, token, null);
    }

    /**
     * As {@link #start(Assistant, TelegramSettings, String)}; in webhook mode ({@code telegram.mode}) Telegram is
     * told to post updates to {@code telegram.webhook-url} with {@code webhookSecret}, and {@link #webhook()} takes
     * them; in polling mode a webhook left from an earlier run is deleted first, or Telegram would refuse to poll.
     */
    public static TelegramTransport start(Assistant app, TelegramSettings settings, String token, String webhookSecret) {
        return start(app, settings, token, webhookSecret, null);
    }

    /**
     * As {@link #start(Assistant, TelegramSettings, String, String)}, with the state replicas share in Redis, or null
     * for the journal in {@code telegram.state-dir} and limits of this process alone.
     */
    public static TelegramTransport start(Assistant app, TelegramSettings settings, String token, String webhookSecret,
                                          TelegramState shared) {
        requireWellFormed(token);
        if (settings.webhook()) {
            requireWebhookSettings(settings, webhookSecret);
        }
        TelegramUrl url = telegramUrl(settings.apiUrl());
        // a slow answer is not taken for a lost one as soon as OkHttp's default 10 s would: sending again after a
        // lost response is the one way a reply is duplicated (the Bot API has no idempotency key)
        OkHttpTelegramClient client = new OkHttpTelegramClient(
                new OkHttpClient.Builder().readTimeout(SEND_READ_TIMEOUT).build(), token, url);
        User me = whoAmI(client, settings.apiUrl());
        BotApiReachability reachability = new BotApiReachability(settings.apiUrl());
        TelegramMeters meters = new TelegramMeters(app.meters());
        TelegramState state = shared != null ? shared : TelegramState.local(settings.stateDir());
        SendQueue sender = new SendQueue(client, reachability, settings.replyMaxAge(), meters, state.buckets());
        try {
            client.execute(SetMyCommands.builder().commands(MENU).build());
        } catch (TelegramApiException e) {
            log.warn("could not register the command menu: {}", TelegramErrors.describe(e));
        }
        Inbox inbox = state.inbox();
        if (state.replicas()) {
            moveJournalInto(inbox, settings.stateDir());
        }
        meters.queueDepth(inbox::backlog);
        TelegramBot bot = new TelegramBot(app, sender, settings, me.getUserName(), me.getId(), meters, state.buckets(),
                state.notes());
        if (settings.webhook()) {
            setWebhook(client, settings, webhookSecret);
            inbox.deliverTo(bot::handle);
            log.info("answering in Telegram as @{}: updates are posted to {}", me.getUserName(), settings.webhookUrl());
            return new TelegramTransport(null, new WebhookUpdates(webhookSecret, new ObjectMapper(), inbox), bot, inbox, state.replicas());
        }
        deleteWebhook(client);
        // a client of its own for long polling: its reads wait as long as a poll may, it ends within the time the
        // inbox allows one poll (with replicas, while the polling lease holds), and stopping cancels it
        Duration pollFor = inbox.pollFor();
        int pollSeconds = (int) Math.max(1, Math.min(POLL_SECONDS, pollFor.toSeconds() / 3));
        OkHttpClient pollingHttp = new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(pollSeconds).plus(POLL_SLACK)).callTimeout(pollFor).build();
        UpdatePoller poller = new UpdatePoller(new OkHttpTelegramClient(pollingHttp, token, url), pollingHttp, inbox,
                UPDATE_TYPES, pollSeconds, reachability);
        inbox.deliverTo(bot::handle);
        poller.start();
        log.info("answering in Telegram as @{} via {}", me.getUserName(), settings.apiUrl());
        return new TelegramTransport(poller, null, bot, inbox, state.replicas());
    }

    /**
     * A bot that ran alone before and now shares its work: what its journal took and did not answer goes into the
     * shared queue (an update already there is not added twice), so the switch loses no question.
     */
    private static void moveJournalInto(Inbox shared, java.nio.file.Path stateDir) {
        if (!java.nio.file.Files.exists(stateDir.resolve(UpdateJournal.FILE))) {
            return;
        }
        try (UpdateJournal journal = UpdateJournal.open(stateDir, new ObjectMapper())) {
            List<Update> pending = journal.pending();
            for (Update update : pending) {
                shared.keep(update);
                journal.done(update.getUpdateId());
            }
            if (!pending.isEmpty()) {
                log.info("{} updates this bot took alone before are in the shared queue now", pending.size());
            }
        } catch (java.io.UncheckedIOException e) {
            log.warn("the journal in {} is kept for a later start: {}", stateDir, e.getMessage());
        }
    }

    /** Where posted updates go: present in webhook mode. */
    public Optional<WebhookUpdates> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** The path of the webhook URL, which the reverse proxy keeps: where the HTTP server takes updates. */
    public static String webhookPath(TelegramSettings settings) {
        String path = URI.create(settings.webhookUrl()).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static void requireWebhookSettings(TelegramSettings settings, String secret) {
        if (settings.webhookUrl().isEmpty()) {
            throw new ConfigException("telegram.mode is webhook but telegram.webhook-url is empty: set it to the public"
                    + " https URL your reverse proxy forwards to this bot's server.port");
        }
        if (!"https".equals(URI.create(settings.webhookUrl()).getScheme())) {
            throw new ConfigException("telegram.webhook-url must be an https URL: Telegram posts updates over HTTPS only");
        }
        if (secret == null) {
            throw new ConfigException("telegram.mode is webhook but TELEGRAM_WEBHOOK_SECRET is not set: export a secret"
                    + " of 1 to 256 letters, digits, _ or -, which Telegram sends with every update");
        }
        if (!WEBHOOK_SECRET.matcher(secret).matches()) {
            throw new ConfigException("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 letters, digits, _ or -");
        }
    }

    private static void setWebhook(OkHttpTelegramClient client, TelegramSettings settings, String secret) {
        try {
            client.execute(SetWebhook.builder().url(settings.webhookUrl()).secretToken(secret)
                    .allowedUpdates(UPDATE_TYPES).build());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused the webhook " + settings.webhookUrl() + ": "
                    + TelegramErrors.describe(e));
        }
    }

    /** Switching back to polling: a webhook set by an earlier run would make every getUpdates fail with 409. */
    private static void deleteWebhook(OkHttpTelegramClient client) {
        try {
            client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        } catch (TelegramApiException e) {
            log.warn("could not delete a webhook left from an earlier run: {}", TelegramErrors.describe(e));
        }
    }

    /** Stops start-up early, before anything loads, when the token cannot be a bot token. */
    public static void requireWellFormed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ConfigException("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then"
                    + " letters, as @BotFather gives it)");
        }
    }

    /**
     * Stops fetching, lets the answers in flight finish within {@code telegram.drain-timeout}, and leaves the rest
     * in the journal for the next start, saying how many.
     */
    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        inbox.stop();
        bot.close();
        int left = inbox.backlog();
        inbox.close();
        if (left > 0) {
            log.info("stopped; {} questions taken from Telegram are left for {} to answer", left,
                    replicas ? "the other replicas" : "the next start");
        } else {
            log.info("stopped");
        }
    }

    /**
     * The bot's own user, and the first check that the token and the address are right; each way it can fail is
     * told apart, with the address but never the token.
     */
    private static User whoAmI(OkHttpTelegramClient client, URI api) {
        try {
            return client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (Integer.valueOf(401).equals(code)) {
                throw new IllegalStateException("Telegram rejected the bot token (401 Unauthorized): check"
                        + " TELEGRAM_BOT_TOKEN, or get a new one from @BotFather");
            }
            if (Integer.valueOf(404).equals(code)) {
                throw new IllegalStateException("the Bot API at " + api + " answered 404 Not Found: check telegram.api-url"
                        + " (Telegram also answers 404 to a token of the wrong form or of a deleted bot)");
            }
            if (code == null || code == 0) {
                // no Bot API answer at all: an HTML page or something else that is not the Bot API's JSON
                throw new IllegalStateException("the server at " + api + " did not answer as a Bot API server (a proxy's"
                        + " or captive portal's page?): check telegram.api-url; " + TelegramErrors.describe(e));
            }
            throw new IllegalStateException("the Bot API at " + api + " answered getMe with an error: "
                    + TelegramErrors.describe(e));
        } catch (TelegramApiException e) {
            throw new IllegalStateException("cannot reach the Bot API at " + api + ": " + TelegramErrors.describe(e));
        }
    }

    static TelegramUrl telegramUrl(URI api) {
        boolean https = "https".equals(api.getScheme());
        int port = api.getPort() != -1 ? api.getPort() : https ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }
}
