package com.ccabot.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One setting: its {@code section.key-name}, its default, what values it allows (said in words for error
 * messages and the settings file), what it does, and how its text becomes a value.
 */
public record Setting(String key, String defaultValue, String allowed, String description,
                      Function<String, Object> parser) {

    public String section() {
        return key.substring(0, key.indexOf('.'));
    }

    /** The environment variable that overrides it: {@code telegram.api-url} → {@code CCA_TELEGRAM_API_URL}. */
    public String environmentVariable() {
        return "CCA_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Parses a value; {@link IllegalArgumentException} says in a few words what is wrong with it. */
    Object parse(String text) {
        return parser.apply(text.strip());
    }
}
