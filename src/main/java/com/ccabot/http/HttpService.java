package com.ccabot.http;

import com.ccabot.ask.Assistant;
import com.ccabot.chat.AnswerJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP server (Javalin): health for probes, Prometheus metrics for scrapers, {@code POST /api/ask} for
 * other programs, and Telegram's webhook. It starts before the knowledge loads, so a probe sees the process live
 * and not yet ready; {@link #attach} makes it ready.
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process answers.
 *   <li>{@code GET /health/ready}: 200 once every condition of its {@link Readiness} is met, 503 with the reasons
 *       before; both with the articles, chunks, backend, uptime and index version.
 *   <li>{@code GET /metrics}: every meter, in Prometheus text format.
 *   <li>{@code POST /api/ask}: {@code {"question": "…", "conversation": "optional id"}} answered with the
 *       {@code ask --json} object; a bearer token when {@code SERVER_API_TOKEN} is set.
 * </ul>
 */
public final class HttpService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpService.class);

    /** The largest question body the API reads. */
    public static final int MAX_ASK_BODY = 16 * 1024;
    /** The largest update the webhook reads: Telegram's updates are far smaller. */
    public static final int MAX_UPDATE_BODY = 1024 * 1024;
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin server;
    private final Readiness readiness;
    private final AtomicReference<Assistant> assistant = new AtomicReference<>();
    private final AtomicReference<WebhookHandler> webhook = new AtomicReference<>();
    private final Instant started = Instant.now();

    private HttpService(Javalin server, Readiness readiness) {
        this.server = server;
        this.readiness = readiness;
    }

    /**
     * Starts listening: not ready until {@link #attach} gives it the loaded bot.
     *
     * @param port        0 for any free port (tests)
     * @param apiToken    the bearer token {@code POST /api/ask} requires, or null for none
     * @param webhookPath the path Telegram's updates are posted to, when the bot runs on a webhook
     * @throws IllegalStateException when the address cannot be listened on, saying which setting to change
     */
    public static HttpService start(String bind, int port, PrometheusMeterRegistry registry, String apiToken,
                                    Optional<String> webhookPath) {
        Readiness readiness = new Readiness();
        readiness.waitFor("knowledge", "the knowledge is loading");
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_UPDATE_BODY;
        });
        HttpService service = new HttpService(javalin, readiness);
        byte[] token = apiToken == null ? null : apiToken.getBytes(StandardCharsets.UTF_8);
        javalin.get("/health/live", ctx -> service.health(ctx, true));
        javalin.get("/health/ready", ctx -> service.health(ctx, service.readiness.ready()));
        javalin.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        javalin.post("/api/ask", ctx -> service.ask(ctx, token));
        webhookPath.ifPresent(path -> javalin.post(path, service::webhook));
        javalin.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "the server failed to answer; see its log");
        });
        javalin.error(404, ctx -> error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
        try {
            javalin.start(bind, port);
        } catch (RuntimeException e) {
            javalin.stop();
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + " (" + rootMessage(e)
                    + "): set server.port to a free port, or 0 to turn the HTTP server off");
        }
        log.info("HTTP server on http://{}:{} (health, metrics, /api/ask{})", bind, javalin.port(),
                webhookPath.map(path -> ", Telegram webhook " + path).orElse(""));
        return service;
    }

    /** The loaded bot: the API answers from it and, with no other condition waiting, the process is ready. */
    public void attach(Assistant app) {
        assistant.set(app);
        readiness.met("knowledge");
    }

    /** Where posted Telegram updates go from now on; until then the webhook answers 503 (Telegram tries later). */
    public void attachWebhook(WebhookHandler handler) {
        webhook.set(handler);
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The port listened on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void health(Context ctx, boolean up) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "not ready");
        if (!up) {
            body.put("reasons", readiness.problems());
        }
        Assistant app = assistant.get();
        if (app != null) {
            body.put("articles", app.articles().size());
            body.put("chunks", app.passages());
            body.put("backend", app.backendName());
            body.put("index_version", app.indexVersion());
        }
        body.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
        json(ctx, up ? 200 : 503, body);
    }

    private void ask(Context ctx, byte[] token) throws IOException {
        if (token != null && !authorized(ctx.header("Authorization"), token)) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, "a bearer token is required: Authorization: Bearer <SERVER_API_TOKEN>");
            return;
        }
        Optional<byte[]> body = body(ctx, MAX_ASK_BODY);
        if (body.isEmpty()) {
            error(ctx, 413, "the body is larger than " + MAX_ASK_BODY / 1024 + " KB");
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body.get());
        } catch (IOException e) {
            error(ctx, 400, "the body is not JSON: send {\"question\": \"...\"}");
            return;
        }
        if (request == null || !request.isObject()) {
            error(ctx, 400, "the body must be a JSON object: {\"question\": \"...\"}");
            return;
        }
        JsonNode question = request.get("question");
        if (question == null || !question.isTextual() || question.asText().isBlank()) {
            error(ctx, 400, "\"question\" is missing or not a non-empty string");
            return;
        }
        JsonNode conversation = request.get("conversation");
        if (conversation != null && !conversation.isNull() && !conversation.isTextual()) {
            error(ctx, 400, "\"conversation\" must be a string when given");
            return;
        }
        Assistant app = assistant.get();
        if (app == null) {
            error(ctx, 503, "not ready: " + String.join("; ", readiness.problems()));
            return;
        }
        // the API's conversations are a namespace of their own: an id never joins a Telegram or console one
        String id = conversation == null || conversation.isNull() ? null : "api:" + conversation.asText();
        ctx.status(200).contentType(JSON_TYPE).result(AnswerJson.of(app.answer(question.asText(), id)));
    }

    private void webhook(Context ctx) throws IOException {
        WebhookHandler handler = webhook.get();
        if (handler == null) {
            error(ctx, 503, "not ready for updates yet");
            return;
        }
        Optional<byte[]> body = body(ctx, MAX_UPDATE_BODY);
        if (body.isEmpty()) {
            error(ctx, 413, "the update is too large");
            return;
        }
        int status = handler.receive(ctx.header("X-Telegram-Bot-Api-Secret-Token"), body.get());
        ctx.status(status).contentType(JSON_TYPE).result(status == 200 ? "{\"ok\":true}" : "{\"ok\":false}");
    }

    /** The request's body, or empty when it is longer than {@code limit} bytes (read no further than that). */
    private static Optional<byte[]> body(Context ctx, int limit) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            return Optional.empty();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
        }
    }

    /** Compares in constant time, so the time of a refusal tells nothing about the token. */
    private static boolean authorized(String header, byte[] token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON_TYPE).result(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
