package com.ccabot.config;

import java.util.Map;

/**
 * The secrets cca-bot uses, read only from the environment and never printed: {@link #toString()} says whether
 * each is set, never what it is.
 */
public record Secrets(String telegramBotToken, String llmApiKey, String webhookSecret, String apiToken,
                      String redisPassword) {

    /** No Redis password. */
    public Secrets(String telegramBotToken, String llmApiKey, String webhookSecret, String apiToken) {
        this(telegramBotToken, llmApiKey, webhookSecret, apiToken, null);
    }

    /** Only the bot token and the LLM key: no webhook secret, an HTTP API open to whoever reaches it. */
    public Secrets(String telegramBotToken, String llmApiKey) {
        this(telegramBotToken, llmApiKey, null, null);
    }

    public static Secrets fromEnvironment(Map<String, String> environment) {
        String llmKey = value(environment, "LLM_API_KEY");
        return new Secrets(value(environment, "TELEGRAM_BOT_TOKEN"), llmKey != null ? llmKey : value(environment, "OPENAI_API_KEY"),
                value(environment, "TELEGRAM_WEBHOOK_SECRET"), value(environment, "SERVER_API_TOKEN"),
                value(environment, "REDIS_PASSWORD"));
    }

    private static String value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "Secrets[telegramBotToken=" + (telegramBotToken == null ? "unset" : "set")
                + ", llmApiKey=" + (llmApiKey == null ? "unset" : "set")
                + ", webhookSecret=" + (webhookSecret == null ? "unset" : "set")
                + ", apiToken=" + (apiToken == null ? "unset" : "set")
                + ", redisPassword=" + (redisPassword == null ? "unset" : "set") + "]";
    }
}
