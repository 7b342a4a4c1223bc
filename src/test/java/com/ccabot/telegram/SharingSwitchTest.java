package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.TestPipeline;
import com.ccabot.config.Config.StateSettings;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.state.RedisServer;
import com.ccabot.state.SharedState;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** A bot that ran alone and now shares its state with replicas loses none of the questions its journal held. */
class SharingSwitchTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    private RedisServer redis;
    private FakeBotApi api;
    private SharedState shared;
    private TelegramTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (shared != null) {
            shared.close();
        }
        if (api != null) {
            api.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void whatTheJournalHeldGoesIntoTheSharedQueueAndIsAnswered() throws Exception {
        redis = RedisServer.start();
        api = FakeBotApi.start(TOKEN, "cca_test_bot", 123456789);
        Path state = StateDirs.fresh();
        ObjectMapper json = new ObjectMapper();
        api.privateMessage(4004, "Where was the second China-Central Asia Summit held?");
        Update left = json.readValue(api.takeUpdatesForWebhook().get(0), Update.class);
        try (UpdateJournal journal = UpdateJournal.open(state, json)) {
            journal.take(left); // taken by the bot alone, never answered
        }

        shared = SharedState.connect(new StateSettings(redis.url(), Duration.ofSeconds(3)), null,
                TestPipeline.app().meters());
        TelegramSettings settings = new TelegramSettings(URI.create(api.url()), true, Set.of(), Set.of(), 10, 3, state,
                StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE).withWebhook("https://bot.example.org/telegram/updates");
        transport = TelegramTransport.start(TestPipeline.app(), settings, TOKEN, "hook-Secret_42",
                shared.telegram(TestPipeline.app().meters()));

        assertThat(api.awaitCalls("sendMessage", 1, Duration.ofSeconds(30)).get(0).params().path("text").asText())
                .contains("Astana");
        try (UpdateJournal journal = UpdateJournal.open(state, json)) {
            assertThat(journal.pending()).as("nothing left in the journal").isEmpty();
        }
        assertThat(redis.command("EXISTS", "cca:tg:seen:" + left.getUpdateId())).as("remembered as seen").contains(":1");
    }
}
