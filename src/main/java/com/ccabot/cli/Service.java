package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.config.Config;
import com.ccabot.config.ConfigException;
import com.ccabot.config.Secrets;
import com.ccabot.http.HttpService;
import com.ccabot.http.Metrics;
import com.ccabot.http.Readiness;
import com.ccabot.knowledge.KnowledgeWatcher;
import com.ccabot.state.SharedState;
import com.ccabot.telegram.TelegramTransport;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A long-running cca-bot: the HTTP server first (live at once, ready once loaded), then the knowledge, then
 * Telegram when it has a token; runs until the process is stopped, then stops taking work and lets what is in
 * flight finish.
 */
final class Service {

    private final Config config;
    private final Secrets secrets;
    private final boolean telegram;

    /** @param telegram whether to answer in Telegram too (the bot token is in {@code secrets}) */
    Service(Config config, Secrets secrets, boolean telegram) {
        this.config = config;
        this.secrets = secrets;
        this.telegram = telegram;
    }

    /** Runs until stopped (Ctrl-C, SIGTERM); returns the exit code. */
    int run(String running) throws InterruptedException {
        boolean webhook = telegram && config.telegram().webhook();
        if (telegram) {
            TelegramTransport.requireWellFormed(secrets.telegramBotToken());
        }
        if (webhook && !config.server().enabled()) {
            throw new ConfigException("telegram.mode is webhook, which needs the HTTP server: set server.port (it is 0)");
        }
        if (!telegram && !config.server().enabled()) {
            throw new ConfigException("serve runs the HTTP server, which server.port 0 turns off: set server.port");
        }
        PrometheusMeterRegistry registry = Metrics.registry();
        HttpService http = config.server().enabled()
                ? HttpService.start(config.server().bind(), config.server().port(), registry, secrets.apiToken(),
                        webhook ? Optional.of(TelegramTransport.webhookPath(config.telegram())) : Optional.empty())
                : null;
        TelegramTransport transport = null;
        KnowledgeWatcher watcher = null;
        SharedState shared = null;
        try {
            if (http != null && telegram) {
                http.readiness().waitFor("telegram", "the Bot API has not been reached yet");
            }
            if (config.state().shared()) {
                shared = SharedState.connect(config.state(), secrets.redisPassword(), registry);
                if (http != null && telegram) {
                    // Telegram's queue lives in Redis: without it nothing can be taken (serve answers on without it)
                    Readiness readiness = http.readiness();
                    shared.listen(new SharedState.Listener() {
                        @Override
                        public void down(String reason) {
                            readiness.waitFor("redis", reason);
                        }

                        @Override
                        public void up() {
                            readiness.met("redis");
                        }
                    });
                }
            }
            Application app = Application.start(config, secrets, registry, shared);
            watcher = config.knowledge().watch() ? app.watchKnowledge() : null;
            if (http != null) {
                http.attach(app);
            }
            if (telegram) {
                transport = TelegramTransport.start(app, config.telegram(), secrets.telegramBotToken(),
                        secrets.webhookSecret(), shared == null ? null : shared.telegram(registry));
                if (http != null) {
                    http.readiness().met("telegram");
                    transport.webhook().ifPresent(updates -> http.attachWebhook(updates::receive));
                }
            }
        } catch (RuntimeException e) {
            if (watcher != null) {
                watcher.close();
            }
            if (transport != null) {
                transport.close();
            }
            if (http != null) {
                http.close();
            }
            if (shared != null) {
                shared.close();
            }
            throw e;
        }
        TelegramTransport started = transport;
        KnowledgeWatcher watching = watcher;
        SharedState sharing = shared;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watching != null) {
                watching.close();
            }
            if (webhook) {
                http.close(); // no new updates; Telegram posts what it could not deliver again later
            }
            if (started != null) {
                started.close();
            }
            if (http != null && !webhook) {
                http.close();
            }
            if (sharing != null) {
                sharing.close();
            }
            stopped.countDown();
        }, "shutdown"));
        CcaBotCommand.tell(config, running + (http == null ? "" : " HTTP on http://" + config.server().bind() + ":"
                + http.port() + " (/health/ready, /metrics, /api/ask).") + " Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
