package org.slapdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fills a master with {@code nodes} servers of {@code partitions} partitions through its public
 * SLAP API (formats and supplies sent concurrently), so a benchmark needs no hand-made database.
 * Formats and supplies are idempotent, so a refused call is sent again: slapproxy answers
 * "database is locked" now and then under concurrent writes on a loaded machine.
 */
final class FleetFixture {

    private static final int CLIENTS = 8;
    private static final int ATTEMPTS = 6;

    private final int nodes;
    private final int partitions;

    FleetFixture(int nodes, int partitions) {
        this.nodes = nodes;
        this.partitions = partitions;
    }

    int nodes() {
        return nodes;
    }

    int partitions() {
        return partitions;
    }

    void fill(SlapCalls master) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        sendAll(http, "format", i -> master.format(SlapCalls.node(i), partitions));
        sendAll(http, "supply", i -> master.supply(SlapCalls.node(i)));
    }

    /** Requests {@code count} services, spread over the fleet (one partition each). */
    void request(SlapCalls master, int count) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        sendAll(http, count, "request", i -> master.request("service-" + i, SlapCalls.node(i % nodes)));
    }

    private void sendAll(HttpClient http, String what, IntFunction<HttpRequest> call) throws IOException {
        sendAll(http, nodes, what, call);
    }

    private void sendAll(HttpClient http, int count, String what, IntFunction<HttpRequest> call) throws IOException {
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int node = i;
                sent.add(senders.submit(() -> {
                    sendWithRetries(http, what, call.apply(node));
                    return null;
                }));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    private static void sendWithRetries(HttpClient http, String what, HttpRequest request)
            throws IOException, InterruptedException {
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + answer.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50L * attempt);
        }
        throw new IOException("the fixture's " + what + " failed " + ATTEMPTS + " times: " + last);
    }
}
