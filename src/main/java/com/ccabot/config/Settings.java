package com.ccabot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting cca-bot knows, in the order the settings file lists them; adding a setting is one entry here. */
public final class Settings {

    /** The answer backends; the LLM issue adds openai and ollama here. */
    public static final List<String> BACKENDS = List.of("extractive", "openai", "ollama");
    public static final List<String> TELEGRAM_MODES = List.of("polling", "webhook");
    public static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug");
    public static final List<String> LOG_FORMATS = List.of("text", "json");

    private static final List<Setting> ALL = List.of(
            new Setting("knowledge.dir", "knowledge", "a folder path",
                    "The folder of articles (.md, .txt, .html, .htm and .pdf, searched recursively), relative to the working folder.",
                    Values.path()),
            new Setting("knowledge.watch", "true", "true, false",
                    "Re-index an article as soon as it is added, changed or deleted in the folder (console, Telegram, serve).",
                    Values.bool()),
            new Setting("knowledge.allow-private-urls", "false", "true, false",
                    "Let /add and cca-bot add download from this machine and private networks (loopback, link-local, site-local addresses); off, only public addresses are fetched.",
                    Values.bool()),
            new Setting("index.cache-dir", ".cca-cache", "a folder path",
                    "Where embeddings and the optimised model are kept between runs, so a restart embeds nothing.",
                    Values.path()),
            new Setting("index.chunk-size", "500", "200 to 2000",
                    "Largest chunk in characters; chunks hold whole sentences, with one sentence of overlap.",
                    Values.integer(200, 2000)),
            new Setting("retrieval.top-k", "6", "1 to 50",
                    "Passages retrieved per question.",
                    Values.integer(1, 50)),
            new Setting("retrieval.fusion", "rrf", "rrf, weighted",
                    "How the vector and the BM25 rankings are combined: reciprocal rank fusion or a weighted sum.",
                    Values.oneOf(List.of("rrf", "weighted"))),
            new Setting("retrieval.min-similarity", "0", "0 to 1",
                    "A floor under the learned answerability gate: the least cosine similarity of the best passage (0: the gate alone decides).",
                    Values.decimal(0, 1)),
            new Setting("retrieval.min-coverage", "0", "0 to 1",
                    "A floor under the learned answerability gate: the least share of the question's words the best passage window must hold (0: the gate alone decides).",
                    Values.decimal(0, 1)),
            new Setting("answer.backend", "extractive", String.join(", ", BACKENDS),
                    "Which backend composes answers: extractive works offline; openai (any OpenAI-compatible server) and ollama use an LLM.",
                    Values.oneOf(BACKENDS)),
            new Setting("answer.max-sentences", "3", "1 to 5",
                    "Most sentences in an extractive answer.",
                    Values.integer(1, 5)),
            new Setting("answer.max-chars", "600", "100 to 4000",
                    "Longest answer text in characters, sources aside.",
                    Values.integer(100, 4000)),
            new Setting("answer.max-question-chars", "1000", "10 to 100000",
                    "Longer messages are declined with a request for a shorter question.",
                    Values.integer(10, 100_000)),
            new Setting("cache.maximum-size", "10000", "0 to 10000000",
                    "Answers kept in the answer cache; 0 turns the cache off.",
                    Values.integer(0, 10_000_000)),
            new Setting("cache.expire-after", "1h", "a positive duration: 500ms, 30s, 10m, 1h, 2d or ISO-8601 (PT1H)",
                    "How long a cached answer is served.",
                    Values.duration()),
            new Setting("llm.base-url", "", "an http or https URL; empty for the backend's usual one",
                    "The LLM server: empty means https://api.openai.com/v1 for openai and http://localhost:11434 for ollama.",
                    Values.optionalUrl()),
            new Setting("llm.model", "", "a model name; empty for gpt-4o-mini (openai) or llama3.1 (ollama)",
                    "Which model answers.",
                    Values.text()),
            new Setting("llm.temperature", "0.1", "0 to 2",
                    "Sampling temperature; low keeps answers close to the passages.",
                    Values.decimal(0, 2)),
            new Setting("llm.max-tokens", "400", "16 to 8192",
                    "Longest answer the model may write, in tokens.",
                    Values.integer(16, 8192)),
            new Setting("llm.timeout", "30s", "a positive duration",
                    "How long to wait for the model before answering offline instead.",
                    Values.duration()),
            new Setting("llm.retries", "1", "0 to 5",
                    "How often to retry a failed call to the model.",
                    Values.integer(0, 5)),
            new Setting("llm.context-chars", "6000", "500 to 100000",
                    "How many characters of passages the model is given.",
                    Values.integer(500, 100_000)),
            new Setting("llm.failures-to-open", "3", "1 to 100",
                    "Consecutive failures after which the model is skipped for the cool-down.",
                    Values.integer(1, 100)),
            new Setting("llm.cool-down", "60s", "a positive duration",
                    "How long the model is skipped after repeated failures before it is tried again.",
                    Values.duration()),
            new Setting("telegram.api-url", "https://api.telegram.org", "an http or https URL",
                    "The Bot API server: Telegram's, or a self-hosted Bot API server.",
                    Values.url()),
            new Setting("telegram.channels", "true", "true, false",
                    "Answer channel posts that start with /ask or mention the bot, where the bot is an admin.",
                    Values.bool()),
            new Setting("telegram.allowed-chats", "", "chat ids separated by commas; empty allows every chat",
                    "The only chats the bot answers in.",
                    Values.idList()),
            new Setting("telegram.admins", "", "user ids separated by commas",
                    "Users allowed to use /stats, /reload and /add.",
                    Values.idList()),
            new Setting("telegram.rate-per-minute", "10", "1 to 1000",
                    "Questions a user may ask per minute before a polite notice.",
                    Values.integer(1, 1000)),
            new Setting("telegram.rate-burst", "3", "1 to 100",
                    "Questions a user may ask at once, beyond which the per-minute rate applies.",
                    Values.integer(1, 100)),
            new Setting("telegram.state-dir", "", "a folder path; empty: a folder telegram in index.cache-dir",
                    "Where the bot keeps the updates taken from Telegram until they are answered, so a restart loses none.",
                    Values.optionalPath()),
            new Setting("telegram.drain-timeout", "10s", "a positive duration",
                    "On stop, how long answers in flight may finish; the rest are answered after the next start.",
                    Values.duration()),
            new Setting("telegram.reply-max-age", "1h", "a positive duration",
                    "How long a reply waits for an unreachable Bot API before it is given up (its question is kept for the next start).",
                    Values.duration()),
            new Setting("telegram.mode", "polling", String.join(", ", TELEGRAM_MODES),
                    "How updates arrive: the bot asks for them (polling), or Telegram posts them to telegram.webhook-url (webhook, needs TELEGRAM_WEBHOOK_SECRET and the HTTP server).",
                    Values.oneOf(TELEGRAM_MODES)),
            new Setting("telegram.webhook-url", "", "an https URL; empty unless telegram.mode is webhook",
                    "The public HTTPS address Telegram posts updates to; a reverse proxy forwards it, path kept, to server.port.",
                    Values.optionalUrl()),
            new Setting("server.port", "8080", "0 to 65535; 0 turns the server off",
                    "The HTTP port of health checks, Prometheus metrics, the ask API and Telegram webhooks, in every long-running mode.",
                    Values.integer(0, 65_535)),
            new Setting("server.bind", "127.0.0.1", "an IP address or host name; 0.0.0.0 for every interface",
                    "The address the HTTP server listens on.",
                    Values.text()),
            new Setting("log.level", "info", String.join(", ", LOG_LEVELS),
                    "How much cca-bot logs to stderr (libraries log warnings only).",
                    Values.oneOf(LOG_LEVELS)),
            new Setting("log.format", "text", String.join(", ", LOG_FORMATS),
                    "How log lines are written to stderr: text for people; json for log collectors, one object a line"
                            + " with timestamp, level, logger, thread, message and exception.",
                    Values.oneOf(LOG_FORMATS)),
            new Setting("state.redis-url", "", "empty, or a redis:// or rediss:// URL with no user or password in it (the password comes from REDIS_PASSWORD)",
                    "Where several replicas of one bot share their state: the work queue, the polling lease, rate limits, conversations and cached answers; empty keeps all of it in this process.",
                    Values.redisUrl()),
            new Setting("state.claim-after", "30s", "a positive duration of at least 3s",
                    "With replicas: how long a replica may be silent before another takes over its work (its pending updates, its share of the queue, polling).",
                    Values.durationOfAtLeast(java.time.Duration.ofSeconds(3))));

    private static final Map<String, Setting> BY_KEY = index();

    private Settings() {}

    public static List<Setting> all() {
        return ALL;
    }

    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static List<String> sections() {
        return ALL.stream().map(Setting::section).distinct().toList();
    }

    public static List<String> keysOf(String section) {
        return ALL.stream().filter(s -> s.section().equals(section)).map(Setting::key).toList();
    }

    private static Map<String, Setting> index() {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        ALL.forEach(setting -> byKey.put(setting.key(), setting));
        return byKey;
    }
}
