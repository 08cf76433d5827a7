package org.slapdesk.testlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on loopback that scrapes the test's
 * {@code /metrics} every second, from a configuration and a database in a folder of the test's,
 * with its instant-query API. Close it to stop it.
 *
 * <pre>
 * try (RealPrometheus prometheus = RealPrometheus.scraping(tempDir, metricsPort)) {
 *     prometheus.awaitValue("slapdesk_nodes_read", "3");   // true once a scrape shows it
 *     prometheus.values("slapdesk_node_health");          // ["0", "0", "0"]
 * }
 * </pre>
 */
public final class RealPrometheus implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    /** How long {@link #awaitValue} waits: Prometheus starts, then scrapes every second. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final URI queryApi;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private RealPrometheus(Process process, int port) {
        this.process = process;
        this.queryApi = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
    }

    /**
     * Starts Prometheus scraping {@code 127.0.0.1:metricsPort} every second; fails (CI) or skips
     * the test when it is not installed. Its log is {@code folder/prometheus.log}.
     */
    public static RealPrometheus scraping(Path folder, int metricsPort) throws IOException {
        TestRequirements.require(
                Files.isExecutable(BINARY),
                BINARY + " is not installed (apt-get install prometheus; ./run-tests installs it)");
        Path config = folder.resolve("prometheus.yml");
        Files.writeString(
                config,
                """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: slapdesk
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """
                        .formatted(metricsPort));
        int port = freeLoopbackPort();
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + folder.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("prometheus.log").toFile())
                .start();
        return new RealPrometheus(process, port);
    }

    /** A port free on loopback now, e.g. for the metrics server Prometheus is to scrape. */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether {@code query} comes to have exactly one value, {@code expected}, within {@link #WAIT}. */
    public boolean awaitValue(String query, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (values(query).equals(List.of(expected))) {
                    return true;
                }
            } catch (IOException e) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** The values of an instant query's vector result, in Prometheus' order. */
    public List<String> values(String query) throws IOException, InterruptedException {
        URI uri = URI.create(queryApi + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IOException("query " + query + ": " + response.body());
        }
        List<String> out = new ArrayList<>();
        body.path("data")
                .path("result")
                .forEach(r -> out.add(r.path("value").get(1).asText()));
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
