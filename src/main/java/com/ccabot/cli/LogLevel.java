package com.ccabot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies the {@code log.level} setting to cca-bot's own loggers; libraries stay at warnings. */
final class LogLevel {

    private LogLevel() {}

    static void apply(String level) {
        Logger logger = (Logger) LoggerFactory.getLogger("com.ccabot");
        logger.setLevel(Level.toLevel(level, Level.INFO));
    }
}
