package com.ccabot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A stand-in for an OpenAI-compatible LLM server on 127.0.0.1, for benchmarks: every chat completion takes a fixed
 * time, as a model writing an answer does, and answers citing the first passage, streamed (server-sent events) when
 * asked. It measures what the bot does around a slow model, not a model.
 */
final class LlmStandIn implements AutoCloseable {

    private static final String ANSWER = "According to the article, this is what was reported on the matter [1].";

    private final HttpServer server;
    private final Duration latency;

    private LlmStandIn(HttpServer server, Duration latency) {
        this.server = server;
        this.latency = latency;
    }

    static LlmStandIn start(Duration latency) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LlmStandIn llm = new LlmStandIn(server, latency);
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "llm-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", llm::handle);
            server.start();
            return llm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the LLM stand-in", e);
        }
    }

    /** The base URL the openai backend is given. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean stream = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    .matches("(?s).*\"stream\"\\s*:\\s*true.*");
            Thread.sleep(latency.toMillis());
            String head = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion" + (stream ? ".chunk" : "")
                    + "\",\"created\":1700000000,\"model\":\"stand-in\",\"choices\":[{\"index\":0,";
            String body = stream
                    ? "data: " + head + "\"delta\":{\"role\":\"assistant\",\"content\":\"" + ANSWER
                            + "\"},\"finish_reason\":null}]}\n\ndata: " + head
                            + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
                    : head + "\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER
                            + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,"
                            + "\"completion_tokens\":20,\"total_tokens\":920}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
