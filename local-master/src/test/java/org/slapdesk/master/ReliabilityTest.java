package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.MasterQueries.NodeView;
import org.slapdesk.master.http.ConnectionLimits;
import org.slapdesk.master.store.Rows.Instance;

/** Many clients at once, slow clients, oversized bodies: no lost or doubled instance, no hang, no 500. */
class ReliabilityTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        // short deadlines, so that the slow-client tests see stalled clients cut off quickly
        master = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("m.sqlite"), 0)
                .withLimits(ConnectionLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3))));
        http = new MasterHttp(master.url());
    }

    private String host() {
        return master.url().getHost() + ":" + master.url().getPort();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void fiftyConcurrentClientsRequestAndReportWithoutLossOrDuplicates() throws Exception {
        assertThat(http.format("COMP-1", 60).statusCode()).isEqualTo(200);
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int n = 0; n < clients; n++) {
                int id = n;
                results.add(pool.submit(() -> {
                    go.await();
                    String partition = null;
                    for (int round = 0; round < 3; round++) {
                        // the same title again and again: one instance, same partition
                        HttpResponse<String> r =
                                http.request("inst-" + id, SR, Map.of("n", String.valueOf(id)), Map.of(), null, false);
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        SlapObject o = (SlapObject) XmlMarshal.loads(r.body());
                        String got = (String) o.stateMap().get("slap_computer_partition_id");
                        assertThat(partition == null || partition.equals(got))
                                .as("stable partition")
                                .isTrue();
                        partition = got;
                        // everybody also asks for one common title: it must exist once
                        HttpResponse<String> common = http.request("common", SR, Map.of(), Map.of(), null, false);
                        assertThat(common.statusCode()).as(common.body()).isEqualTo(200);
                    }
                    HttpResponse<String> started = http.post(
                            "startedComputerPartition",
                            MasterHttp.form("computer_id", "COMP-1", "computer_partition_id", partition));
                    assertThat(started.statusCode()).isEqualTo(200);
                    HttpResponse<String> connection = http.post(
                            "setComputerPartitionConnectionXml",
                            MasterHttp.form(
                                    "computer_id",
                                    "COMP-1",
                                    "computer_partition_id",
                                    partition,
                                    "connection_xml",
                                    XmlMarshal.dumps(Map.of("id", String.valueOf(id)))));
                    assertThat(connection.statusCode()).isEqualTo(200);
                    HttpResponse<String> info =
                            http.get("getFullComputerInformation", MasterHttp.form("computer_id", "COMP-1"));
                    assertThat(info.statusCode()).isEqualTo(200);
                    return partition;
                }));
            }
            go.countDown();
            Set<String> partitions = new HashSet<>();
            for (Future<String> f : results) {
                partitions.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(partitions).hasSize(clients);
        } finally {
            pool.shutdownNow();
        }
        NodeView node = master.queries().nodes("COMP-1").get(0);
        List<Instance> instances = new ArrayList<>(node.instanceByPartition().values());
        assertThat(instances).hasSize(clients + 1);
        assertThat(instances.stream().map(Instance::title).distinct()).hasSize(clients + 1);
        for (Instance i : instances) {
            if (i.title().startsWith("inst-")) {
                String id = i.title().substring("inst-".length());
                assertThat(i.connectionXml()).contains(">" + id + "<");
                assertThat(node.partitionStatus().get(i.partitionReference()).get("text"))
                        .isEqualTo("#access Instance correctly started");
            }
        }
    }

    @Test
    void slowClientsAreCutOffAndNeverHoldUpOthers() throws Exception {
        http.format("COMP-1", 1);
        List<Socket> slow = new ArrayList<>();
        try {
            // more stalled clients than worker threads: half-sent headers, half-sent bodies
            for (int i = 0; i < LocalMaster.DEFAULT_THREADS + 8; i++) {
                Socket s = new Socket(
                        InetAddress.getLoopbackAddress(), master.url().getPort());
                OutputStream out = s.getOutputStream();
                String head = i % 2 == 0
                        ? "POST /supplySupply HTTP/1.1\r\nHost: " + host() + "\r\nContent-Length: 500\r\n\r\nurl="
                        : "GET /getFullComputerInformation?computer_id=COMP-1 HTTP/1.1\r\nHost: " + host()
                                + "\r\nX-Slow: ";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            long begin = System.nanoTime();
            HttpResponse<String> fast =
                    http.get("getFullComputerInformation", MasterHttp.form("computer_id", "COMP-1"));
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(fast.statusCode()).isEqualTo(200);
            // each connection has its own thread: stalled ones do not hold up a normal request
            assertThat(millis).isLessThan(10_000);
            // the stalled clients are disconnected by the deadline, without a 5xx
            for (Socket s : slow) {
                s.setSoTimeout(15_000);
                InputStream in = s.getInputStream();
                try {
                    String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    assertThat(answer).doesNotContain(" 500 ");
                } catch (SocketException reset) {
                    // cut off by the server: what a stalled client gets
                }
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // and the master still answers
        assertThat(http.get("getFullComputerInformation", MasterHttp.form("computer_id", "COMP-1"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFewSlowClientsDoNotDelayOthersAtAll() throws Exception {
        http.format("COMP-1", 1);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket(
                        InetAddress.getLoopbackAddress(), master.url().getPort());
                s.getOutputStream()
                        .write(("POST /supplySupply HTTP/1.1\r\nHost: " + host()
                                        + "\r\nContent-Length: 500\r\n\r\nurl=")
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            for (int i = 0; i < 20; i++) {
                long begin = System.nanoTime();
                assertThat(http.get("getComputerStatus", MasterHttp.form("computer_id", "COMP-1"))
                                .statusCode())
                        .isEqualTo(200);
                assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(1_000);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void anOversizedChunkedBodyIs413() throws Exception {
        try (Socket s =
                new Socket(InetAddress.getLoopbackAddress(), master.url().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /loadComputerConfigurationFromXML HTTP/1.1\r\nHost: " + host() + "\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            s.setSoTimeout(20_000);
            try {
                // 4.5 MB: over the 4 MB limit; the master reads what is left (bounded) and answers
                for (int i = 0; i < 70; i++) {
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedEarly) {
                // the server answered and closed before we finished: fine
            }
            String answer = new String(s.getInputStream().readNBytes(400), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("over the limit");
        }
    }
}
