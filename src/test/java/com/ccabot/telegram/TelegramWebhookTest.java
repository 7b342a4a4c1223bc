package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ccabot.Application;
import com.ccabot.TestPipeline;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.config.ConfigException;
import com.ccabot.http.HttpService;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Telegram posting updates to the bot's webhook through the HTTP server, as a reverse proxy forwards them. */
class TelegramWebhookTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String SECRET = "hook-Secret_42";
    private static final String PUBLIC_URL = "https://bot.example.org/telegram/updates";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private FakeBotApi api;
    private HttpService http;
    private TelegramTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (http != null) {
            http.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void setsTheWebhookWithItsSecretAndTheUpdateTypesItHandles() {
        startWebhook(StateDirs.fresh());
        JsonNode params = api.awaitCalls("setWebhook", 1, WAIT).get(0).params();
        assertThat(params.path("url").asText()).isEqualTo(PUBLIC_URL);
        assertThat(params.path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(params.path("allowed_updates").toString())
                .contains("message", "channel_post", "inline_query", "callback_query").doesNotContain("edited_message");
        assertThat(api.webhook()).isEqualTo(PUBLIC_URL);
        assertThat(api.calls("getUpdates")).as("a webhook bot never polls").isEmpty();
    }

    @Test
    void answersAnUpdatePostedWithTheSecretAndRefusesOnesWithout() throws Exception {
        startWebhook(StateDirs.fresh());
        api.privateMessage(1001, "How many Chinese-invested enterprises operate in Uzbekistan?");
        String update = api.takeUpdatesForWebhook().get(0);

        assertThat(post(update, null).statusCode()).isEqualTo(401);
        assertThat(post(update, "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(api.calls("sendMessage")).as("a refused post is not answered").isEmpty();

        double updates = count("cca.telegram.updates");
        double replies = count("cca.telegram.replies");
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        JsonNode sent = api.awaitCalls("sendMessage", 1, WAIT).get(0).params();
        assertThat(count("cca.telegram.updates")).isEqualTo(updates + 1);
        awaitCount("cca.telegram.replies", replies + 1); // counted once the Bot API's answer is back
        assertThat(sent.path("chat_id").asText()).isEqualTo("1001");
        assertThat(sent.path("text").asText()).contains("4,500", "[1]");

        // Telegram posts again what it thinks was not delivered: acknowledged, not answered twice
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        Thread.sleep(500);
        assertThat(api.calls("sendMessage")).hasSize(1);

        assertThat(post("{\"not\": \"an update\"", SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void anUpdateTakenButNotAnsweredIsAnsweredAfterTheNextStart() throws Exception {
        var state = StateDirs.fresh();
        startWebhook(state);
        api.failAll("sendMessage", 502); // the reply cannot go out: the update stays in the journal
        api.privateMessage(2002, "Where was the second China-Central Asia Summit held?");
        assertThat(post(api.takeUpdatesForWebhook().get(0), SECRET).statusCode()).isEqualTo(200);
        api.awaitCalls("sendMessage", 1, WAIT);
        transport.close();
        http.close();
        api.recover("sendMessage");
        int before = api.calls("sendMessage").size();

        transport = null;
        http = null;
        startWebhook(state);
        List<FakeBotApi.Call> sent = api.awaitCalls("sendMessage", before + 1, WAIT);
        assertThat(sent.get(sent.size() - 1).params().path("text").asText()).contains("Astana");
    }

    @Test
    void pollingAgainDeletesTheWebhook() {
        startWebhook(StateDirs.fresh());
        transport.close();
        transport = TelegramTransport.start(TestPipeline.app(), settings(StateDirs.fresh()), TOKEN);
        api.awaitCalls("deleteWebhook", 1, WAIT);
        assertThat(api.webhook()).isEmpty();
        api.privateMessage(3003, "Where was the second China-Central Asia Summit held?");
        assertThat(api.awaitCalls("sendMessage", 1, WAIT).get(0).params().path("text").asText()).contains("Astana");
    }

    @Test
    void webhookSettingsAreCheckedBeforeAnythingIsSent() {
        api = FakeBotApi.start(TOKEN, "cca_test_bot", 123456789);
        Application app = TestPipeline.app();
        TelegramSettings webhook = settings(StateDirs.fresh()).withWebhook(PUBLIC_URL);
        assertThatThrownBy(() -> TelegramTransport.start(app, webhook, TOKEN, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TELEGRAM_WEBHOOK_SECRET is not set");
        assertThatThrownBy(() -> TelegramTransport.start(app, webhook, TOKEN, "has spaces in it"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("letters, digits, _ or -");
        assertThatThrownBy(() -> TelegramTransport.start(app, settings(StateDirs.fresh())
                .withWebhook("http://bot.example.org/hook"), TOKEN, SECRET))
                .isInstanceOf(ConfigException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> TelegramTransport.start(app, settings(StateDirs.fresh()).withWebhook(""), TOKEN, SECRET))
                .isInstanceOf(ConfigException.class).hasMessageContaining("telegram.webhook-url is empty");
        assertThat(api.calls()).isEmpty();
    }

    private void startWebhook(java.nio.file.Path state) {
        if (api == null) {
            api = FakeBotApi.start(TOKEN, "cca_test_bot", 123456789);
        }
        Application app = TestPipeline.app();
        TelegramSettings settings = settings(state).withWebhook(PUBLIC_URL);
        http = HttpService.start("127.0.0.1", 0, (PrometheusMeterRegistry) app.meters(), null,
                Optional.of(TelegramTransport.webhookPath(settings)));
        http.attach(app);
        transport = TelegramTransport.start(app, settings, TOKEN, SECRET);
        http.attachWebhook(transport.webhook().orElseThrow()::receive);
    }

    private static void awaitCount(String counter, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count(counter) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count(counter)).as(counter).isEqualTo(expected);
    }

    private static double count(String counter) {
        return TestPipeline.app().meters().get(counter).counter().count();
    }

    private TelegramSettings settings(java.nio.file.Path state) {
        return new TelegramSettings(URI.create(api.url()), true, Set.of(), Set.of(), 10, 3, state, StateDirs.DRAIN,
                StateDirs.REPLY_MAX_AGE);
    }

    /** Posts as Telegram does, to the path of the public URL that the proxy keeps. */
    private HttpResponse<String> post(String update, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http.port() + "/telegram/updates"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
