package org.slapdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends {@code calls} requests from {@code clients} threads, each with its own kept-alive HTTP
 * connection, as fast as answers come; a call is an error unless answered 200.
 *
 * <p>The connections are kept from one run to the next: the JDK client cannot be closed and
 * holds an idle connection for twenty minutes, so a client per run would soon pass the master's
 * limit of connections from one address.
 */
final class LoadClient {

    private final List<HttpClient> connections = new ArrayList<>();

    private synchronized HttpClient connection(int index) {
        while (connections.size() <= index) {
            connections.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build());
        }
        return connections.get(index);
    }

    LoadResult run(int clients, int calls, IntFunction<HttpRequest> call) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        double[] latencies = new double[calls];
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                HttpClient http = connection(c);
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> answer =
                                    http.send(call.apply(i), HttpResponse.BodyHandlers.discarding());
                            if (answer.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = (System.nanoTime() - sent) / 1e9;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            return new LoadResult(
                    calls, calls / elapsed, percentile(latencies, 0.50), percentile(latencies, 0.99), errors.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
