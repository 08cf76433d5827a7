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
 * {@code slapdesk serve} in its own JVM, killed with SIGKILL in the middle of a write burst:
 * after a restart on the same file, every write it acknowledged is there.
 */
class ServeCrashTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path db = dir.resolve("master.sqlite");
        int port = freePort();
        Process serve = startServe(port, db);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> supplied = new ConcurrentLinkedQueue<>();
        try {
            assertThat(post(base, "loadComputerConfigurationFromXML", Map.of("xml", formatXml(400)))
                            .statusCode())
                    .isEqualTo(200);
            AtomicBoolean dead = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(6);
            for (int w = 0; w < 6; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; !dead.get() && n < 10_000; n++) {
                        String title = "w" + writer + "-" + n;
                        try {
                            HttpResponse<String> r = post(
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
                            if (r.statusCode() == 200) {
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
            while (acknowledged.size() < 60 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            serve.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            assertThat(serve.waitFor(10, TimeUnit.SECONDS)).isTrue();
            dead.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.destroyForcibly();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(60);

        Process again = startServe(port, db);
        try {
            Set<String> partitions = new HashSet<>();
            for (String title : acknowledged) {
                HttpResponse<String> r = json(base, "slapos.get.v0.instance_tree", "{\"title\": \"" + title + "\"}");
                assertThat(r.statusCode())
                        .as("acknowledged " + title + " lost: " + r.body())
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
            assertThat(urls).containsAll(supplied);
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
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
