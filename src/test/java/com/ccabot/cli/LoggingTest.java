package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.ListAppender;
import com.ccabot.config.Config.LogSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private static final String TOKEN = "987654321:AAFakeTokenForRedactionTests0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void aJsonLogLineIsOneObjectWithTimestampLevelLoggerThreadAndMessage() throws Exception {
        LoggingEvent event = event(Level.WARN, "Bot API unreachable at {}", null, "http://127.0.0.1:8081");
        event.setThreadName("telegram-poller");
        event.setInstant(Instant.parse("2025-11-30T07:00:25.406Z"));

        String line = json(event);

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode record = JSON.readTree(line);
        assertThat(record.fieldNames()).toIterable().containsExactly("timestamp", "level", "logger", "thread", "message");
        assertThat(record.get("timestamp").asText()).isEqualTo("2025-11-30T07:00:25.406Z");
        assertThat(record.get("level").asText()).isEqualTo("WARN");
        assertThat(record.get("logger").asText()).isEqualTo("com.ccabot.telegram.UpdatePoller");
        assertThat(record.get("thread").asText()).isEqualTo("telegram-poller");
        assertThat(record.get("message").asText()).isEqualTo("Bot API unreachable at http://127.0.0.1:8081");
    }

    @Test
    void aJsonLogLineCarriesTheStackTraceAsTextAndStaysOneLine() throws Exception {
        IOException failure = new IOException("read \"timed\" out\n\tsecond line", new IllegalStateException("cause"));

        String line = json(event(Level.ERROR, "polling failed", failure));

        assertThat(line).hasLineCount(1);
        JsonNode record = JSON.readTree(line);
        assertThat(record.get("exception").asText()).startsWith("java.io.IOException: read \"timed\" out\n\tsecond line")
                .contains("\tat com.ccabot.cli.LoggingTest.", "Caused by: java.lang.IllegalStateException: cause");
    }

    @Test
    void aTokenInTheMessageOrTheStackTraceIsMaskedInBothFormats() throws Exception {
        LoggingEvent event = event(Level.ERROR, "POST https://api.telegram.org/bot" + TOKEN + "/getUpdates failed",
                new IOException("unexpected end of stream on http://127.0.0.1/bot" + TOKEN + "/sendMessage",
                        new IOException("cause: /bot" + TOKEN + "/getMe")));

        String text = textLayout().doLayout(event);
        JsonNode json = JSON.readTree(json(event));

        assertThat(text).contains("/bot<token>/getUpdates failed", "/bot<token>/sendMessage", "/bot<token>/getMe")
                .doesNotContain(TOKEN, "AAFakeToken");
        assertThat(json.get("message").asText()).isEqualTo("POST https://api.telegram.org/bot<token>/getUpdates failed");
        assertThat(json.get("exception").asText()).contains("/bot<token>/sendMessage", "/bot<token>/getMe")
                .doesNotContain(TOKEN, "AAFakeToken");
    }

    @Test
    void logFormatJsonTurnsTheStderrAppenderIntoJsonLines() throws Exception {
        OutputStreamAppender<ILoggingEvent> stderr = Logging.stderr(CONTEXT);
        Encoder<ILoggingEvent> text = stderr.getEncoder();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Logging.apply(new LogSettings("info", "text"));
            LoggerFactory.getLogger("com.ccabot.cli.LoggingTest").info("as text, token {}", TOKEN);
            Logging.apply(new LogSettings("info", "json"));
            LoggerFactory.getLogger("com.ccabot.cli.LoggingTest").info("as json, token {}", TOKEN);
        } finally {
            System.setErr(originalErr);
            stderr.setEncoder(text);
        }

        // other tests' threads may log meanwhile: only these two lines are this test's
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("as text, token") || line.contains("as json, token")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("INFO  LoggingTest - as text, token <token>");
        JsonNode json = JSON.readTree(lines.get(1));
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("as json, token <token>");
    }

    @Test
    void aJavaUtilLoggingRecordReachesLogback() {
        Logging.routeJavaUtilLogging();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Logger logback = CONTEXT.getLogger("org.example.jul");
        logback.addAppender(events);
        logback.setAdditive(false); // to this appender only, not to the test's stderr
        try {
            java.util.logging.Logger.getLogger("org.example.jul").warning("a warning through java.util.logging");
        } finally {
            logback.detachAppender(events);
            logback.setAdditive(true);
        }

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLoggerName()).isEqualTo("org.example.jul");
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("a warning through java.util.logging");
        });
    }

    @Test
    void javaUtilLoggingLevelsFollowLogbacksSoUnprintedRecordsAreNeverBuilt() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("org.example.levels");
        Logger logback = CONTEXT.getLogger("org.example.levels");

        assertThat(jul.isLoggable(java.util.logging.Level.INFO)).as("root is at WARN").isFalse();
        logback.setLevel(Level.DEBUG);
        try {
            assertThat(jul.isLoggable(java.util.logging.Level.FINE)).isTrue();
        } finally {
            logback.setLevel(null);
        }
    }

    private static String json(ILoggingEvent event) {
        return new String(Logging.jsonEncoder(CONTEXT).encode(event), StandardCharsets.UTF_8);
    }

    /** The layout of the stderr appender as logback.xml configures it: log.format=text. */
    @SuppressWarnings("unchecked")
    private static ch.qos.logback.core.Layout<ILoggingEvent> textLayout() {
        return ((LayoutWrappingEncoder<ILoggingEvent>) Logging.stderr(CONTEXT).getEncoder()).getLayout();
    }

    private static LoggingEvent event(Level level, String message, Throwable thrown, Object... arguments) {
        return new LoggingEvent(Logger.class.getName(), CONTEXT.getLogger("com.ccabot.telegram.UpdatePoller"), level,
                message, thrown, arguments);
    }
}
