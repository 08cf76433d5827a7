package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;
import picocli.CommandLine;

/**
 * {@code slapdesk monitor} with a service whose instance monitor (a real HTTP server on loopback,
 * laid out as the monitor stack lays it out) says a promise is in ERROR: the promise's series
 * reaches a real Prometheus, and {@code --wrong} lists it.
 */
class MonitorPromisesTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String PASSWORD = "monitor-pw";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private LocalMaster local;
    private MonitorFilesServer monitor;

    @BeforeEach
    void start() throws Exception {
        local = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("master.sqlite"), 0));
        monitor = new MonitorFilesServer("admin", PASSWORD);
        monitor.promise("shop", "check-free-disk", "ERROR", "only 2% of /srv is free");
        ServiceWithMonitor.publish(local, "shop", monitor.base(), PASSWORD);
    }

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (local != null) {
            local.close();
        }
    }

    private int run(StringWriter out, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "monitor",
                "--master-url",
                local.url().toString(),
                "--rest-url",
                local.hateoasUrl().toString()));
        all.addAll(List.of(args));
        CommandLine command = new CommandLine(new SlapdeskCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(all.toArray(String[]::new));
    }

    @Test
    void wrongNowListsTheFailingPromiseAsTextAndJson() throws Exception {
        StringWriter text = new StringWriter();
        assertThat(run(text, "--wrong")).isEqualTo(WrongNow.SOMETHING_WRONG);
        assertThat(text.toString())
                .contains("check-free-disk (shop, shop)")
                .contains("ERROR: only 2% of /srv is free")
                .contains("red");

        StringWriter out = new StringWriter();
        assertThat(run(out, "--wrong", "--json")).isEqualTo(WrongNow.SOMETHING_WRONG);
        JsonNode rows = json.readTree(out.toString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("promise");
        assertThat(rows.get(0).get("reference").asText()).isEqualTo("shop/shop/check-free-disk");
        assertThat(rows.get(0).get("since").asText()).isEqualTo("2025-11-30T08:00:00Z");
        assertThat(rows.get(0).get("link").get("kind").asText()).isEqualTo("instance-tree");

        monitor.promise("shop", "check-free-disk", "OK", "75% free");
        StringWriter fine = new StringWriter();
        assertThat(run(fine, "--wrong")).isZero();
        assertThat(fine.toString()).contains("Nothing is wrong now.");
    }

    @Test
    void prometheusScrapesThePromiseStatus() throws Exception {
        if (!Files.isExecutable(PROMETHEUS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(PROMETHEUS + " is missing: ./run-tests installs Debian's prometheus package");
            }
            Assumptions.abort(PROMETHEUS + " is not installed (apt-get install prometheus): skipped");
        }
        int metricsPort = freePort();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread slapdesk = new Thread(() ->
                exit.set(run(new StringWriter(), "--metrics-listen", "127.0.0.1:" + metricsPort, "--interval", "1s")));
        slapdesk.start();
        int prometheusPort = freePort();
        Process prometheus = startPrometheus(metricsPort, prometheusPort);
        try {
            URI api = URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=");
            assertThat(awaitValue(
                            api,
                            "slapdesk_promise_status{service=\"shop\",instance_title=\"shop\",promise=\"check-free-disk\"}",
                            "2"))
                    .as("the promise in ERROR is 2")
                    .isTrue();
            assertThat(values(api, "slapdesk_monitor_up{service=\"shop\"}")).containsExactly("1");

            monitor.promise("shop", "check-free-disk", "OK", "75% free");
            assertThat(awaitValue(api, "slapdesk_promise_status{promise=\"check-free-disk\"}", "0"))
                    .as("back to OK")
                    .isTrue();
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
            slapdesk.interrupt();
            slapdesk.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }

    private Process startPrometheus(int metricsPort, int prometheusPort) throws IOException {
        Path config = dir.resolve("prometheus.yml");
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
        return new ProcessBuilder(
                        PROMETHEUS.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
    }

    private boolean awaitValue(URI api, String query, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (values(api, query).equals(List.of(expected))) {
                    return true;
                }
            } catch (IOException e) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    private List<String> values(URI api, String query) throws IOException, InterruptedException {
        URI uri = URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8));
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
