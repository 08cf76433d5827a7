package org.slapdesk.core.master;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A JDK HTTP server on 127.0.0.1 answering canned responses per path, recording what it received. */
final class CannedServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    CannedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Handler handler = handlers.getOrDefault(
                    exchange.getRequestURI().getPath(),
                    e -> answer(e, 404, "text/html", "<!doctype html><html><title>404 Not Found</title></html>"));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void on(String path, Handler handler) {
        handlers.put(path, handler);
    }

    void on(String path, int status, String contentType, String body) {
        on(path, e -> answer(e, status, contentType, body));
    }

    /** Answers nothing until the server is closed. */
    void hangOn(String path) {
        on(path, e -> {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Announces {@code announced} bytes, sends {@code body}, and closes the connection. */
    void truncateOn(String path, String body, int announced) {
        on(path, e -> {
            e.sendResponseHeaders(200, announced);
            OutputStream out = e.getResponseBody();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            e.getHttpContext().getServer();
            // closing the exchange before all announced bytes were sent drops the connection
        });
    }

    List<Received> received() {
        return received;
    }

    static void answer(HttpExchange e, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", contentType);
        e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
