package com.ccabot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.Application;
import com.ccabot.TestPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints, against the running server on an ephemeral port. */
class HttpServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    private HttpService server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isLiveAtOnceAndReadyOnlyOnceTheKnowledgeIsAttached() throws Exception {
        Application app = TestPipeline.app();
        server = start(app, null);

        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(notReady.body()).path("reasons").toString()).contains("knowledge is loading");
        assertThat(post("/api/ask", "{\"question\": \"Where was the summit held?\"}", null).statusCode()).isEqualTo(503);

        server.attach(app);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("up");
        assertThat(body.path("articles").asInt()).isEqualTo(app.articles().size());
        assertThat(body.path("chunks").asInt()).isEqualTo(app.passages());
        assertThat(body.path("backend").asText()).isEqualTo("extractive");
        assertThat(body.path("index_version").asText()).isEqualTo(app.indexVersion()).isNotBlank();
        assertThat(body.has("uptime_seconds")).isTrue();
    }

    @Test
    void aConditionOfItsOwnKeepsItUnready() throws Exception {
        Application app = TestPipeline.app();
        server = start(app, null);
        server.readiness().waitFor("telegram", "the Bot API has not been reached yet");
        server.attach(app);
        HttpResponse<String> response = get("/health/ready");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Bot API has not been reached");
        server.readiness().met("telegram");
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void answersAQuestionWithTheAskJsonObject() throws Exception {
        server = started(null);
        HttpResponse<String> response = post("/api/ask",
                "{\"question\": \"How many Chinese-invested enterprises operate in Uzbekistan?\"}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("answered").asBoolean()).isTrue();
        assertThat(answer.path("answer").asText()).contains("4,500", "[1]");
        assertThat(answer.path("citations").get(0).path("source").asText()).endsWith(".md");
        assertThat(answer.has("latency_ms")).isTrue();
    }

    @Test
    void keepsAConversationByItsId() throws Exception {
        server = started(null);
        post("/api/ask", "{\"question\": \"Who is Rahim Hakimov?\", \"conversation\": \"c-1\"}", null);
        JsonNode offTopic = JSON.readTree(post("/api/ask",
                "{\"question\": \"What is the capital of Brazil?\", \"conversation\": \"c-1\"}", null).body());
        assertThat(offTopic.path("answered").asBoolean()).as("off topic stays declined inside a conversation").isFalse();
    }

    @Test
    void refusesBadRequestsWithAReason() throws Exception {
        server = started(null);
        assertError(post("/api/ask", "{not json", null), 400, "not JSON");
        assertError(post("/api/ask", "[\"a question\"]", null), 400, "JSON object");
        assertError(post("/api/ask", "{\"conversation\": \"x\"}", null), 400, "\"question\" is missing");
        assertError(post("/api/ask", "{\"question\": \"   \"}", null), 400, "\"question\" is missing");
        assertError(post("/api/ask", "{\"question\": 42}", null), 400, "\"question\"");
        assertError(post("/api/ask", "{\"question\": \"Who?\", \"conversation\": 7}", null), 400, "\"conversation\"");
        String big = "{\"question\": \"" + "a".repeat(HttpService.MAX_ASK_BODY) + "\"}";
        assertError(post("/api/ask", big, null), 413, "larger than 16 KB");
        assertError(get("/nothing-here"), 404, "no such endpoint");
    }

    @Test
    void requiresTheBearerTokenWhenOneIsSet() throws Exception {
        server = started("s3cret-token");
        String question = "{\"question\": \"Where was the second China-Central Asia Summit held?\"}";
        HttpResponse<String> none = post("/api/ask", question, null);
        assertError(none, 401, "bearer token is required");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(none.body()).doesNotContain("s3cret-token");
        assertError(post("/api/ask", question, "Bearer wrong-token"), 401, "bearer token");
        assertError(post("/api/ask", question, "Basic s3cret-token"), 401, "bearer token");
        assertThat(post("/api/ask", question, "Bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).as("probes need no token").isEqualTo(200);
    }

    @Test
    void exportsPrometheusTextWhoseCountersMoveWithQuestions() throws Exception {
        server = started(null);
        Map<String, Double> before = scrape();
        String question = "{\"question\": \"Which city hosted the twelfth China-Central Asia Cooperation Forum?\"}";
        post("/api/ask", question, null);
        post("/api/ask", question, null); // the second comes from the cache
        post("/api/ask", "{\"question\": \"What is the capital of Brazil?\"}", null);
        Map<String, Double> after = scrape();

        assertThat(moved(before, after, "cca_questions_total{", "outcome=\"answered\"")).isEqualTo(2.0);
        assertThat(moved(before, after, "cca_questions_total{", "outcome=\"declined\"")).isEqualTo(1.0);
        assertThat(moved(before, after, "cca_answer_latency_seconds_count{", "")).isEqualTo(3.0);
        assertThat(moved(before, after, "cache_gets_total{", "result=\"hit\"")).isGreaterThanOrEqualTo(1.0);
        assertThat(moved(before, after, "cca_retrieval_latency_seconds_count{", "")).as("the cache spares retrieval").isBetween(1.0, 2.0);
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("cca_answer_latency_seconds_bucket{"))
                .anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"))
                .anyMatch(k -> k.startsWith("process_cpu_usage"))
                .anyMatch(k -> k.startsWith("cca_knowledge_articles"));
    }

    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a Prometheus sample line: %s", line).isTrue();
            samples.put(sample.group(1) + Optional.ofNullable(sample.group(2)).orElse(""), Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    private static double moved(Map<String, Double> before, Map<String, Double> after, String prefix, String label) {
        return sum(after, prefix, label) - sum(before, prefix, label);
    }

    private static double sum(Map<String, Double> samples, String prefix, String label) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static void assertError(HttpResponse<String> response, int status, String reason) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains(reason);
    }

    private HttpService started(String token) {
        Application app = TestPipeline.app();
        HttpService service = start(app, token);
        service.attach(app);
        return service;
    }

    private static HttpService start(Application app, String token) {
        return HttpService.start("127.0.0.1", 0, (PrometheusMeterRegistry) app.meters(), token, Optional.empty());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
