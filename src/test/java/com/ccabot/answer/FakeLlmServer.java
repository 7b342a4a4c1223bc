package com.ccabot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A fake LLM server on 127.0.0.1 speaking OpenAI's chat completions ({@code POST /v1/chat/completions}) and
 * Ollama's chat ({@code POST /api/chat}) with their real response shapes, answering from a script of replies and
 * faults, and recording every request with its headers.
 */
public final class FakeLlmServer implements AutoCloseable {

    /** One request as the server received it. */
    public record Request(String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The text of every message sent, joined. */
        String messages() {
            StringBuilder text = new StringBuilder();
            body.path("messages").forEach(m -> text.append(m.path("role").asText()).append(": ")
                    .append(m.path("content").asText()).append('\n'));
            return text.toString();
        }
    }

    private record Scripted(int status, String contentType, String body, String content, Duration delay) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    private FakeLlmServer(HttpServer server) {
        this.server = server;
    }

    public static FakeLlmServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeLlmServer fake = new FakeLlmServer(http);
        http.createContext("/", fake::handle);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return fake;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The model's next reply: the assistant message's content. */
    public synchronized FakeLlmServer replies(String content) {
        script.add(new Scripted(200, "application/json", null, content, Duration.ZERO));
        return this;
    }

    /** The next reply after a delay, to provoke a client timeout. */
    synchronized FakeLlmServer repliesAfter(Duration delay, String content) {
        script.add(new Scripted(200, "application/json", null, content, delay));
        return this;
    }

    /** The next answer is an HTTP error with this body. */
    synchronized FakeLlmServer fails(int status, String contentType, String body) {
        script.add(new Scripted(status, contentType, body, null, Duration.ZERO));
        return this;
    }

    /** OpenAI's error shape for a server error. */
    synchronized FakeLlmServer failsWith500() {
        return fails(500, "application/json",
                "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Scripted next;
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            synchronized (this) {
                requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body));
                next = script.isEmpty() ? new Scripted(200, "application/json", null, "I don't know.", Duration.ZERO) : script.poll();
            }
            if (!next.delay().isZero()) {
                Thread.sleep(next.delay().toMillis());
            }
            boolean ollama = path.endsWith("/api/chat");
            if (next.body() == null && body.path("stream").asBoolean(ollama)) {
                stream(exchange, ollama, body, next.content());
                return;
            }
            String response = next.body() != null ? next.body()
                    : ollama ? ollama(body, next.content()) : openAi(body, next.content());
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", next.contentType());
            exchange.sendResponseHeaders(next.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing left to answer
        }
    }

    /** Sends the reply in pieces: OpenAI's server-sent events, or Ollama's JSON lines. */
    private static void stream(HttpExchange exchange, boolean ollama, JsonNode request, String content)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String model = request.path("model").asText();
            for (String piece : content.split("(?<= )")) {
                String line = ollama
                        ? JSON.createObjectNode().put("model", model).put("created_at", "2026-11-23T12:00:00Z")
                                .<ObjectNode>set("message", JSON.createObjectNode().put("role", "assistant").put("content", piece))
                                .put("done", false) + "\n"
                        : "data: " + openAiChunk(model, JSON.createObjectNode().put("content", piece), null) + "\n\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(15);
            }
            String end = ollama
                    ? JSON.createObjectNode().put("model", model).put("created_at", "2026-11-23T12:00:01Z")
                            .<ObjectNode>set("message", JSON.createObjectNode().put("role", "assistant").put("content", ""))
                            .put("done_reason", "stop").put("done", true).put("prompt_eval_count", 700).put("eval_count", 35) + "\n"
                    : "data: " + openAiChunk(model, JSON.createObjectNode(), "stop") + "\n\ndata: [DONE]\n\n";
            out.write(end.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String openAiChunk(String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-9x8y7z").put("object", "chat.completion.chunk")
                .put("created", 1_763_900_000L).put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk.toString();
    }

    private static String openAi(JsonNode request, String content) {
        ObjectNode response = JSON.createObjectNode()
                .put("id", "chatcmpl-9x8y7z")
                .put("object", "chat.completion")
                .put("created", 1_763_900_000L)
                .put("model", request.path("model").asText())
                .put("system_fingerprint", "fp_test");
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        response.putObject("usage").put("prompt_tokens", 812).put("completion_tokens", 41).put("total_tokens", 853);
        return response.toString();
    }

    private static String ollama(JsonNode request, String content) {
        ObjectNode response = JSON.createObjectNode()
                .put("model", request.path("model").asText())
                .put("created_at", "2026-11-23T12:00:00.000000Z");
        response.putObject("message").put("role", "assistant").put("content", content);
        response.put("done_reason", "stop").put("done", true)
                .put("total_duration", 1_234_567_890L).put("load_duration", 1_000_000L)
                .put("prompt_eval_count", 700).put("prompt_eval_duration", 500_000_000L)
                .put("eval_count", 35).put("eval_duration", 700_000_000L);
        return response.toString();
    }
}
