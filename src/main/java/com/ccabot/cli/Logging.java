package com.ccabot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.ccabot.config.Config.LogSettings;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * cca-bot's logging as {@code logback.xml} sets it up, adjusted by the {@code log.*} settings: the level of cca-bot's
 * own loggers (libraries stay at warnings) and the format of the stderr appender.
 */
final class Logging {

    /** The appender in {@code logback.xml} that writes every log line to stderr. */
    static final String STDERR = "STDERR";
    /** The {@code logback.xml} property holding the regular expression for a bot token, masked in every line. */
    static final String TOKEN_PATTERN = "TOKEN_PATTERN";

    private Logging() {}

    /** Sends java.util.logging's records to Logback instead of JUL's own console handler. */
    static void routeJavaUtilLogging() {
        LoggerFactory.getILoggerFactory(); // configures Logback first, whose LevelChangePropagator sets JUL's levels
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Applies the settings; {@code text} keeps the format of {@code logback.xml}, {@code json} replaces it. */
    static void apply(LogSettings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger("com.ccabot").setLevel(Level.toLevel(settings.level(), Level.INFO));
        if (settings.json()) {
            stderr(context).setEncoder(jsonEncoder(context));
        }
    }

    /** An encoder writing each event as one JSON line, masking tokens as the text format does. */
    static LayoutWrappingEncoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        String token = context.getProperty(TOKEN_PATTERN);
        if (token == null) {
            throw new IllegalStateException("log.format=json needs the property " + TOKEN_PATTERN
                    + " of cca-bot's logback.xml, which this Logback configuration lacks");
        }
        JsonLogLayout layout = new JsonLogLayout(Pattern.compile(token));
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    /** The stderr appender of {@code logback.xml}. */
    static OutputStreamAppender<ILoggingEvent> stderr(LoggerContext context) {
        Appender<ILoggingEvent> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(STDERR);
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> stream)) {
            throw new IllegalStateException("log.format=json needs the appender " + STDERR
                    + " of cca-bot's logback.xml, which this Logback configuration lacks");
        }
        return stream;
    }
}
