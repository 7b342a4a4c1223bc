package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.Application;
import com.ccabot.TestPipeline;
import com.ccabot.answer.FakeLlmServer;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.config.Secrets;
import com.ccabot.telegram.FakeBotApi.Call;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramStreamingTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String BOT = "cca_stream_bot";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REPLY = "The second China-Central Asia Summit was held in Astana, Kazakhstan, in June 2025 [1].";

    private static FakeLlmServer llm;
    private static Application app;
    private FakeBotApi api;
    private TelegramTransport transport;

    @BeforeAll
    static void startTheBotWithAStreamingModel() throws Exception {
        llm = FakeLlmServer.start();
        app = Application.start(TestPipeline.config(Map.of("answer.backend", "openai",
                "llm.base-url", llm.url() + "/v1", "llm.model", "test-model", "cache.maximum-size", "0")),
                new Secrets(null, "sk-test"));
    }

    @AfterAll
    static void stopTheModel() {
        llm.close();
    }

    @BeforeEach
    void connect() {
        api = FakeBotApi.start(TOKEN, BOT, 123456789);
        transport = TelegramTransport.start(app,
                new TelegramSettings(URI.create(api.url()), true, Set.of(), Set.of(), 10, 3, StateDirs.fresh(), StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE), TOKEN);
    }

    @AfterEach
    void disconnect() {
        transport.close();
        api.close();
    }

    @Test
    void aPrivateAnswerGrowsInADraftAndEndsAsTheCitedMessage() {
        llm.replies(REPLY);
        api.privateMessage(21001, "Where was the second China-Central Asia Summit held?");

        JsonText last = new JsonText(api.awaitCalls("sendMessage", 1, WAIT).get(0));
        List<Call> drafts = api.calls("sendMessageDraft");
        assertThat(drafts).isNotEmpty();
        assertThat(drafts.get(0).params().path("draft_id").asInt()).isPositive();
        assertThat(drafts.get(0).params().path("text").asText()).startsWith("The").endsWith("…");
        assertThat(last.text()).contains("Astana", "[1]", "<b>Sources</b>");
    }

    @Test
    void aGroupAnswerGrowsInOneMessageAndA429OnlySlowsTheLastEdit() {
        llm.replies(REPLY);
        api.tooManyRequests("editMessageText", 1);
        FakeBotApi.Message question = api.groupMessage(-100300, 21002, "@" + BOT + " where was the second summit held?");

        List<Call> edits = api.awaitCalls("editMessageText", 2, WAIT);
        List<Call> sent = api.calls("sendMessage");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).params().path("reply_parameters").path("message_id").asInt()).isEqualTo(question.messageId());
        assertThat(sent.get(0).params().path("text").asText()).endsWith("…");
        Call finalEdit = edits.get(edits.size() - 1);
        assertThat(finalEdit.params().path("text").asText()).contains("Astana", "[1]", "<b>Sources</b>");
        assertThat(finalEdit.params().path("parse_mode").asText()).isEqualToIgnoringCase("html");
    }

    private record JsonText(Call call) {
        String text() {
            return call.params().path("text").asText();
        }
    }
}
