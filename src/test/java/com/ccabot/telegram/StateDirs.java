package com.ccabot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A fresh state folder for each bot a test starts, so no test sees another's journal. */
final class StateDirs {

    static final Duration DRAIN = Duration.ofSeconds(5);
    static final Duration REPLY_MAX_AGE = Duration.ofSeconds(30);

    private StateDirs() {}

    static Path fresh() {
        try {
            return Files.createTempDirectory("cca-telegram-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
