package com.ccabot.config;

/** A setting, a settings file or a command-line value that cca-bot cannot start with; the message says which. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
