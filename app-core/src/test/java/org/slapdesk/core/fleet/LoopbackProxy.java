package org.slapdesk.core.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP proxy on 127.0.0.1 in front of a real master: forwards every request, and on the
 * way counts how many are in flight at once, can hold each one for a while, answer "busy"
 * (429 then 503, alternating) to the first few requests whose path and query contain a marker,
 * or fail with 500 every request that mentions a marker. It can also make the master's HATEOAS
 * search behave as the SlapOS master's catalog: its root then gives the master's search template
 * ({@code {&query,select_list*,limit*,...}}) and a search answers only the rows its
 * {@code limit=start&limit=count} asks for.
 */
final class LoopbackProxy implements AutoCloseable {

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger busyLeft = new AtomicInteger();
    private final AtomicInteger busyAnswered = new AtomicInteger();
    private volatile Duration hold = Duration.ZERO;
    private volatile String busyMarker = "";
    private volatile String failMarker;
    private volatile boolean limitSearches;
    private final AtomicInteger searches = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    LoopbackProxy(URI target) throws IOException {
        String url = target.toString();
        this.target = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void holdEachRequest(Duration duration) {
        hold = duration;
    }

    void answerBusy(int times, String marker) {
        busyMarker = marker;
        busyLeft.set(times);
    }

    void failRequestsMentioning(String marker) {
        failMarker = marker;
    }

    void limitSearchesLikeTheMaster() {
        limitSearches = true;
    }

    int searches() {
        return searches.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int forwarded() {
        return forwarded.get();
    }

    int busyAnswered() {
        return busyAnswered.get();
    }

    void resetCounts() {
        maxInFlight.set(0);
        forwarded.set(0);
        busyAnswered.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            String seen = pathAndQuery + " " + new String(body, StandardCharsets.UTF_8);
            if (!hold.isZero()) {
                Thread.sleep(hold.toMillis());
            }
            if (seen.contains(busyMarker) && busyLeft.getAndDecrement() > 0) {
                int status = busyAnswered.incrementAndGet() % 2 == 1 ? 429 : 503;
                answer(exchange, status, "text/html", new byte[0]);
                return;
            }
            String fail = failMarker;
            if (fail != null && seen.contains(fail)) {
                answer(exchange, 500, "text/html", "<html>boom</html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            forwarded.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answerBody = response.body();
            if (limitSearches && exchange.getRequestURI().getPath().startsWith("/hateoas")) {
                answerBody = likeTheMaster(exchange.getRequestURI().getRawQuery(), answerBody);
            }
            answer(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                    answerBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "text/html", new byte[0]);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private byte[] likeTheMaster(String query, byte[] body) throws IOException {
        JsonNode document = json.readTree(body);
        if (query == null || query.isEmpty()) {
            ((ObjectNode) document.path("_links").path("raw_search"))
                    .put("href", url() + "hateoas/?mode=search{&query,select_list*,limit*,sort_on*,local_roles*}");
            return json.writeValueAsBytes(document);
        }
        if (!query.contains("mode=search")) {
            return body;
        }
        searches.incrementAndGet();
        List<Integer> limit = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.startsWith("limit=")) {
                limit.add(Integer.parseInt(pair.substring("limit=".length())));
            }
        }
        if (limit.isEmpty()) {
            return body;
        }
        int start = limit.size() > 1 ? limit.get(0) : 0;
        int count = limit.get(limit.size() - 1);
        ArrayNode rows = (ArrayNode) document.path("_embedded").path("contents");
        ArrayNode page = json.createArrayNode();
        for (int i = start; i < Math.min(rows.size(), start + count); i++) {
            page.add(rows.get(i));
        }
        ((ObjectNode) document.path("_embedded")).set("contents", page);
        return json.writeValueAsBytes(document);
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
