package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ccabot.TestPipeline;
import com.ccabot.config.Config.TelegramSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each way start-up can fail says what is wrong and where, and never shows the token. */
class StartupErrorsTest {

    private static final String TOKEN = "424242424:AAHstartupErrorsTokenAbcdefghij01234567";
    private static final String SECRET_PART = TOKEN.substring(10);

    private FakeBotApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static TelegramSettings settings(String url) {
        return new TelegramSettings(URI.create(url), true, Set.of(), Set.of(), 10, 3, StateDirs.fresh(), StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE);
    }

    @Test
    void aRejectedTokenIs401() {
        api = FakeBotApi.start(TOKEN, "startup_bot", 424242424);
        api.rejectToken();

        assertThatThrownBy(() -> TelegramTransport.start(TestPipeline.app(), settings(api.url()), TOKEN))
                .hasMessageContaining("rejected the bot token (401").hasMessageNotContaining(SECRET_PART);
    }

    @Test
    void aWrongAddressIs404AndNamesTheSetting() {
        api = FakeBotApi.start(TOKEN, "startup_bot", 424242424);
        api.respondNext("getMe", 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");

        assertThatThrownBy(() -> TelegramTransport.start(TestPipeline.app(), settings(api.url()), TOKEN))
                .hasMessageContaining("404 Not Found").hasMessageContaining("telegram.api-url")
                .hasMessageContaining(api.url()).hasMessageNotContaining("Unauthorized").hasMessageNotContaining(SECRET_PART);
    }

    @Test
    void aProxysHtmlPageIsNotTakenForTheBotApi() {
        api = FakeBotApi.start(TOKEN, "startup_bot", 424242424);
        api.respondNext("getMe", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

        assertThatThrownBy(() -> TelegramTransport.start(TestPipeline.app(), settings(api.url()), TOKEN))
                .hasMessageContaining("did not answer as a Bot API server").hasMessageContaining(api.url())
                .hasMessageNotContaining(SECRET_PART);
    }

    @Test
    void anUnreachableAddressIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free, and closed again: nothing listens there
        }
        String url = "http://127.0.0.1:" + port;

        assertThatThrownBy(() -> TelegramTransport.start(TestPipeline.app(), settings(url), TOKEN))
                .hasMessageContaining("cannot reach the Bot API at " + url).hasMessageNotContaining(SECRET_PART);
    }
}
