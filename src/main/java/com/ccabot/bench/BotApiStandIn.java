package com.ccabot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Telegram's Bot API on 127.0.0.1, for benchmarks: it accepts every call the bot makes while
 * answering (getMe, setWebhook, setMyCommands, sendChatAction, sendMessage…) and counts the messages sent, so
 * that a benchmark measures the bot and not Telegram.
 */
final class BotApiStandIn implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger messages = new AtomicInteger();

    private BotApiStandIn(HttpServer server) {
        this.server = server;
    }

    static BotApiStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BotApiStandIn api = new BotApiStandIn(server);
            server.setExecutor(Executors.newFixedThreadPool(8, task -> {
                Thread thread = new Thread(task, "bot-api-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the Bot API stand-in", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int messages() {
        return messages.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        // method names are case-insensitive in the Bot API, and the client sends them in lower case
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        exchange.getRequestBody().readAllBytes();
        String result = switch (method) {
            case "getme" -> "{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}";
            case "sendmessage" -> "{\"message_id\":" + messages.incrementAndGet() + ",\"date\":1700000000,"
                    + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"answer\"}";
            default -> "true";
        };
        byte[] body = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
