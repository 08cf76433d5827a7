package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.XmlMarshal;

/**
 * {@code slapdesk serve} in its own JVM, killed with SIGKILL in the middle of a write burst, 20
 * times on the same file: after each restart, every write the killed process acknowledged is
 * there, and at the end every write of every trial.
 */
class ServeCrashTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The bar: no acknowledged write lost over 20 kills. */
    static final int TRIALS = 20;

    /** Acknowledged requests each trial waits for before it kills. */
    static final int WRITES_PER_TRIAL = 15;

    @Test
    void everyAcknowledgedWriteSurvivesTwentyKillsMinus9() throws Exception {
        Path db = dir.resolve("master.sqlite");
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Set<String> acknowledged = new HashSet<>();
        Set<String> supplied = new HashSet<>();
        Process serve = startServe(port, db);
        try {
            assertThat(post(base, "loadComputerConfigurationFromXML", Map.of("xml", formatXml(1_500)))
                            .statusCode())
                    .isEqualTo(200);
            for (int trial = 0; trial < TRIALS; trial++) {
                Burst burst = burstThenKill(serve, base, trial);
                acknowledged.addAll(burst.acknowledged());
                supplied.addAll(burst.supplied());
                serve = startServe(port, db);
                assertEverythingIsThere(base, burst.acknowledged(), burst.supplied(), trial);
            }
            assertEverythingIsThere(base, acknowledged, supplied, TRIALS);
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    /** What one process acknowledged before it was killed. */
    private record Burst(Set<String> acknowledged, Set<String> supplied) {}

    /** Six writers request and supply until the trial's writes are acknowledged, then SIGKILL. */
    private Burst burstThenKill(Process serve, URI base, int trial) throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> supplied = new ConcurrentLinkedQueue<>();
        AtomicBoolean dead = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            for (int w = 0; w < 6; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; !dead.get() && n < 10_000; n++) {
                        String title = "t" + trial + "-w" + writer + "-" + n;
                        try {
                            if (request(base, title).statusCode() == 200) {
                                acknowledged.add(title);
                            }
                            String url = SR + "?" + title;
                            if (post(
                                                    base,
                                                    "supplySupply",
                                                    Map.of("url", url, "computer_id", "COMP-K", "state", "available"))
                                            .statusCode()
                                    == 200) {
                                supplied.add(url);
                            }
                        } catch (IOException e) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (acknowledged.size() < WRITES_PER_TRIAL && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            serve.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            assertThat(serve.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            dead.set(true);
            serve.destroyForcibly();
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged.size())
                .as("trial %d: writes acknowledged before the kill", trial)
                .isGreaterThanOrEqualTo(WRITES_PER_TRIAL);
        return new Burst(Set.copyOf(acknowledged), Set.copyOf(supplied));
    }

    private HttpResponse<String> request(URI base, String title) throws IOException, InterruptedException {
        return post(
                base,
                "requestComputerPartition",
                Map.of(
                        "software_release",
                        SR,
                        "partition_reference",
                        title,
                        "partition_parameter_xml",
                        XmlMarshal.dumps(Map.of("n", title)),
                        "filter_xml",
                        XmlMarshal.dumps(Map.of()),
                        "software_type",
                        "default",
                        "state",
                        XmlMarshal.dumps(null),
                        "shared_xml",
                        XmlMarshal.dumps(false)));
    }

    /** Every acknowledged instance is on its own partition with its parameters; every supply is there. */
    private void assertEverythingIsThere(URI base, Set<String> acknowledged, Set<String> supplied, int trial)
            throws Exception {
        Set<String> partitions = new HashSet<>();
        for (String title : acknowledged) {
            HttpResponse<String> r = json(base, "slapos.get.v0.instance_tree", "{\"title\": \"" + title + "\"}");
            assertThat(r.statusCode())
                    .as("after kill %d, acknowledged %s lost: %s", trial, title, r.body())
                    .isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(r.body());
            assertThat(doc.get("parameters").get("n").asText()).isEqualTo(title);
            assertThat(partitions.add(doc.get("compute_partition_id").asText()))
                    .as("partition given twice")
                    .isTrue();
        }
        JsonNode installs = new ObjectMapper()
                .readTree(json(
                                base,
                                "slapos.allDocs.v0.compute_node_software_installation_list",
                                "{\"computer_guid\": \"COMP-K\"}")
                        .body());
        Set<String> urls = new HashSet<>();
        installs.get("result_list")
                .forEach(i -> urls.add(i.get("software_release_uri").asText()));
        assertThat(urls).as("after kill %d, acknowledged supplies", trial).containsAll(supplied);
    }

    private Process startServe(int port, Path db) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlapdeskCommand.class.getName(),
                "serve",
                "--port",
                String.valueOf(port),
                "--db",
                db.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 30_000;
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Slapdesk local master ready at")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // keep the pipe flowing
                        }
                    } catch (IOException ignored) {
                        // process gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            if (System.currentTimeMillis() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("slapdesk serve did not start:\n" + seen);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> post(URI base, String method, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(base.resolve(method))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> json(URI base, String method, String body) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(base.resolve(method))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String formatXml(int count) {
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("reference", "slappart" + i);
            p.put("address_list", List.of());
            p.put("tap", Map.of("name", "slaptap" + i));
            partitions.add(p);
        }
        Map<String, Object> computer = new LinkedHashMap<>();
        computer.put("reference", "COMP-K");
        computer.put("partition_list", partitions);
        return XmlMarshal.dumps(computer);
    }
}
