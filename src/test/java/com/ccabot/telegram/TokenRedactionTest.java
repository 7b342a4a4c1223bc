package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.ListAppender;
import com.ccabot.TestPipeline;
import com.ccabot.config.Config.TelegramSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TokenRedactionTest {

    private static final String TOKEN = "987654321:AAFakeTokenForRedactionTests0123456789";

    @Test
    void theLogLayoutMasksTokensInMessagesAndStackTraces() {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), (Logger) LoggerFactory.getLogger("okhttp3"),
                Level.ERROR, "POST https://api.telegram.org/bot" + TOKEN + "/getUpdates failed",
                new IOException("unexpected end of stream on http://127.0.0.1/bot" + TOKEN + "/sendMessage"), null);

        String line = stderrLayout(event);

        assertThat(line).contains("getUpdates failed", "<token>", "unexpected end of stream").doesNotContain(TOKEN);
    }

    @Test
    void nothingLoggedWhileTheBotApiFailsContainsTheToken() {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(events);
        Level telegram = ((Logger) LoggerFactory.getLogger("org.telegram")).getLevel();
        ((Logger) LoggerFactory.getLogger("org.telegram")).setLevel(Level.DEBUG);
        try (FakeBotApi api = FakeBotApi.start(TOKEN, "redaction_bot", 987654321)) {
            api.serverError("getUpdates", 502);
            api.serverError("getUpdates", 503);
            api.respondNext("sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
            api.privateMessage(31337, "How many Chinese-invested enterprises operate in Uzbekistan?");
            TelegramTransport transport = TelegramTransport.start(TestPipeline.app(),
                    new TelegramSettings(URI.create(api.url()), true, Set.of(), Set.of(), 10, 3, StateDirs.fresh(), StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE), TOKEN);
            api.awaitCalls("sendMessage", 1, Duration.ofSeconds(20));
            transport.close();
        } finally {
            root.detachAppender(events);
            ((Logger) LoggerFactory.getLogger("org.telegram")).setLevel(telegram);
        }

        assertThat(events.list).isNotEmpty();
        assertThat(events.list).allSatisfy(event -> assertThat(stderrLayout(event)).doesNotContain(TOKEN));
    }

    /** Formats an event exactly as cca-bot's stderr appender does. */
    @SuppressWarnings("unchecked")
    private static String stderrLayout(ILoggingEvent event) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        return ((LayoutWrappingEncoder<ILoggingEvent>) stderr.getEncoder()).getLayout().doLayout(event);
    }
}
