package com.ccabot.knowledge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A small real web server on 127.0.0.1 serving what a test puts at each path, and recording what was asked. */
public final class TestWebServer implements AutoCloseable {

    private record Page(int status, Map<String, String> headers, byte[] body, boolean chunked, boolean stall) {}

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private TestWebServer(HttpServer server) {
        this.server = server;
    }

    public static TestWebServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestWebServer web = new TestWebServer(server);
            server.createContext("/", web::handle);
            server.setExecutor(web.handlers);
            server.start();
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} at {@code path} with this Content-Type; none when {@code contentType} is null. */
    public TestWebServer serve(String path, String contentType, byte[] body) {
        pages.put(path, new Page(200, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body, false, false));
        return this;
    }

    public TestWebServer serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves {@code body} without announcing its length, in chunks. */
    public TestWebServer serveChunked(String path, String contentType, byte[] body) {
        pages.put(path, new Page(200, Map.of("Content-Type", contentType), body, true, false));
        return this;
    }

    public TestWebServer redirect(String path, String location) {
        pages.put(path, new Page(302, Map.of("Location", location), new byte[0], false, false));
        return this;
    }

    public TestWebServer status(String path, int status) {
        pages.put(path, new Page(status, Map.of("Content-Type", "text/plain"), "error".getBytes(StandardCharsets.UTF_8), false, false));
        return this;
    }

    /** Takes requests to {@code path} and never answers them, until the server closes. */
    public TestWebServer stall(String path) {
        pages.put(path, new Page(200, Map.of(), new byte[0], false, true));
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The paths asked for, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(path);
        Page page = pages.get(path);
        try (exchange) {
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (page.stall()) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            page.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (page.body().length == 0) {
                exchange.sendResponseHeaders(page.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(page.status(), page.chunked() ? 0 : page.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < page.body().length; at += 64 * 1024) {
                    out.write(page.body(), at, Math.min(64 * 1024, page.body().length - at));
                }
            } catch (IOException e) {
                // the client stopped reading: what a size limit does
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
