package com.ccabot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** cca-bot's settings, typed and validated, grouped by section. */
public record Config(KnowledgeSettings knowledge, IndexSettings index, RetrievalSettings retrieval,
                     AnswerSettings answer, CacheSettings cache, LlmSettings llm, TelegramSettings telegram,
                     ServerSettings server, LogSettings log, StateSettings state) {

    /**
     * Where the articles are, whether changes to the folder are taken in as they happen, and whether URLs added to
     * them may lead to this machine or a private network.
     */
    public record KnowledgeSettings(Path dir, boolean watch, boolean allowPrivateUrls) {

        /** A folder that is not watched, from which only public URLs are added. */
        public KnowledgeSettings(Path dir) {
            this(dir, false, false);
        }
    }

    public record IndexSettings(Path cacheDir, int chunkSize) {}

    public record RetrievalSettings(int topK, Fusion fusion, double minSimilarity, double minCoverage) {}

    public record AnswerSettings(String backend, int maxSentences, int maxChars, int maxQuestionChars) {}

    public record CacheSettings(long maximumSize, Duration expireAfter) {}

    /**
     * LLM backend settings; {@code baseUrl} and {@code model} are empty for the backend's usual ones. The API key
     * is a secret, see {@link Secrets}.
     */
    public record LlmSettings(String baseUrl, String model, double temperature, int maxTokens, Duration timeout,
                              int retries, int contextChars, int failuresToOpen, Duration coolDown) {}

    /** Telegram transport settings; the bot token itself is a secret, see {@link Secrets}. */
    public record TelegramSettings(URI apiUrl, boolean channels, Set<Long> allowedChats, Set<Long> admins,
                                   int ratePerMinute, int rateBurst, Path stateDir, Duration drainTimeout,
                                   Duration replyMaxAge, String mode, String webhookUrl) {

        /** Settings for long polling. */
        public TelegramSettings(URI apiUrl, boolean channels, Set<Long> allowedChats, Set<Long> admins,
                                int ratePerMinute, int rateBurst, Path stateDir, Duration drainTimeout,
                                Duration replyMaxAge) {
            this(apiUrl, channels, allowedChats, admins, ratePerMinute, rateBurst, stateDir, drainTimeout, replyMaxAge,
                    "polling", "");
        }

        /** These settings with updates posted by Telegram to {@code url}. */
        public TelegramSettings withWebhook(String url) {
            return new TelegramSettings(apiUrl, channels, allowedChats, admins, ratePerMinute, rateBurst, stateDir,
                    drainTimeout, replyMaxAge, "webhook", url);
        }

        public boolean webhook() {
            return "webhook".equals(mode);
        }

        /** Whether the bot may answer in a chat: every chat when the allow-list is empty. */
        public boolean allows(long chatId) {
            return allowedChats.isEmpty() || allowedChats.contains(chatId);
        }
    }

    /** The HTTP server: {@code port} 0 turns it off. */
    public record ServerSettings(int port, String bind) {

        public boolean enabled() {
            return port > 0;
        }
    }

    /** How much is logged, and whether log lines are text or JSON ({@link Settings#LOG_FORMATS}). */
    public record LogSettings(String level, String format) {

        public boolean json() {
            return "json".equals(format);
        }
    }

    /**
     * Shared state of several replicas: {@code redisUrl} empty keeps everything in this process; the password is a
     * secret, see {@link Secrets}.
     */
    public record StateSettings(String redisUrl, Duration claimAfter) {

        /** No Redis: one process with its own state. */
        public static StateSettings local() {
            return new StateSettings("", Duration.ofSeconds(30));
        }

        public boolean shared() {
            return !redisUrl.isEmpty();
        }
    }

    /** Every setting at its built-in default, whatever files or variables exist. */
    public static Config defaults() {
        return of(ConfigLoader.builtInDefaults());
    }

    /** Builds the typed configuration from parsed values keyed by setting name. */
    static Config of(Map<String, Object> values) {
        return new Config(
                new KnowledgeSettings((Path) values.get("knowledge.dir"), (Boolean) values.get("knowledge.watch"),
                        (Boolean) values.get("knowledge.allow-private-urls")),
                new IndexSettings((Path) values.get("index.cache-dir"), toInt(values.get("index.chunk-size"))),
                new RetrievalSettings(toInt(values.get("retrieval.top-k")),
                        Fusion.valueOf(((String) values.get("retrieval.fusion")).toUpperCase(java.util.Locale.ROOT)),
                        (Double) values.get("retrieval.min-similarity"), (Double) values.get("retrieval.min-coverage")),
                new AnswerSettings((String) values.get("answer.backend"), toInt(values.get("answer.max-sentences")),
                        toInt(values.get("answer.max-chars")), toInt(values.get("answer.max-question-chars"))),
                new CacheSettings((Long) values.get("cache.maximum-size"), (Duration) values.get("cache.expire-after")),
                new LlmSettings((String) values.get("llm.base-url"), (String) values.get("llm.model"),
                        (Double) values.get("llm.temperature"), toInt(values.get("llm.max-tokens")),
                        (Duration) values.get("llm.timeout"), toInt(values.get("llm.retries")),
                        toInt(values.get("llm.context-chars")), toInt(values.get("llm.failures-to-open")),
                        (Duration) values.get("llm.cool-down")),
                new TelegramSettings((URI) values.get("telegram.api-url"), (Boolean) values.get("telegram.channels"),
                        ids(values.get("telegram.allowed-chats")), ids(values.get("telegram.admins")),
                        toInt(values.get("telegram.rate-per-minute")), toInt(values.get("telegram.rate-burst")),
                        ((java.util.Optional<?>) values.get("telegram.state-dir")).map(Path.class::cast)
                                .orElse(((Path) values.get("index.cache-dir")).resolve("telegram")),
                        (Duration) values.get("telegram.drain-timeout"), (Duration) values.get("telegram.reply-max-age"),
                        (String) values.get("telegram.mode"), (String) values.get("telegram.webhook-url")),
                new ServerSettings(toInt(values.get("server.port")), (String) values.get("server.bind")),
                new LogSettings((String) values.get("log.level"), (String) values.get("log.format")),
                new StateSettings((String) values.get("state.redis-url"), (Duration) values.get("state.claim-after")));
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> ids(Object value) {
        return (Set<Long>) value;
    }

    private static int toInt(Object value) {
        return Math.toIntExact((Long) value);
    }
}
