package org.slapdesk.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP proxy on loopback in front of a master that counts what the master sends: bytes
 * of the answers and rows of the search answers. It names itself in the master's answers (the
 * HATEOAS root links to the master's own address) so a client keeps going through it, and it can
 * be pointed at another master, as a master restarted on another database would be.
 */
final class CountingProxy implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong searchRows = new AtomicLong();
    private final Queue<String> paths = new ConcurrentLinkedQueue<>();
    private final Map<String, String> movedPrefixes = new ConcurrentHashMap<>();
    private final Queue<String> refusedPrefixes = new ConcurrentLinkedQueue<>();
    private volatile String target;

    CountingProxy(URI master) throws IOException {
        forwardTo(master);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void forwardTo(URI master) {
        String url = master.toString();
        target = url.endsWith("/") ? url : url + "/";
    }

    long bytes() {
        return bytes.get();
    }

    long searchRows() {
        return searchRows.get();
    }

    /** Serves the master's {@code masterPrefix} (no leading slash) under {@code proxyPrefix}, as another site layout. */
    void serveUnder(String proxyPrefix, String masterPrefix) {
        movedPrefixes.put(proxyPrefix, masterPrefix);
    }

    /** Answers 404 with no body, as a master without that API, for paths starting so (no leading slash). */
    void refuse(String prefix) {
        refusedPrefixes.add(prefix);
    }

    /** The paths asked for, in order, without their query. */
    List<String> paths() {
        return List.copyOf(paths);
    }

    void resetCounts() {
        bytes.set(0);
        searchRows.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String pathAndQuery = exchange.getRequestURI().getRawPath().substring(1)
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            paths.add(exchange.getRequestURI().getRawPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String asked = pathAndQuery;
            if (refusedPrefixes.stream().anyMatch(asked::startsWith)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            for (Map.Entry<String, String> moved : movedPrefixes.entrySet()) {
                if (pathAndQuery.startsWith(moved.getKey())) {
                    pathAndQuery = moved.getValue()
                            + pathAndQuery.substring(moved.getKey().length());
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = answer.body().replace(target, url().toString());
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            bytes.addAndGet(out.length);
            if (pathAndQuery.startsWith("hateoas/search")) {
                JsonNode document = json.readTree(text);
                searchRows.addAndGet(document.path("_embedded").path("contents").size()
                        + document.path("removed").size());
            }
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders()
                    .set("Content-Type", t));
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
