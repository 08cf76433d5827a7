package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.ComputerConfiguration;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.RealPrometheus;
import picocli.CommandLine;

/**
 * {@code slapdesk monitor} against a local master with three nodes, one service in error,
 * scraped every second by a real Prometheus, whose query API must show the fleet's series.
 */
class MonitorPrometheusTest {

    private static final String SOFTWARE = "https://lab.example/software/monitor.cfg";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheFleetsHealthAndTheRefreshHealth(@TempDir Path dir) throws Exception {
        try (LocalMaster local = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("master.sqlite"), 0));
                SlapMaster client = SlapMaster.open(
                        MasterProfile.plain("local", local.url().toString()).withRestUrl(local.hateoasUrl()),
                        ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)))) {
            formatNodes(local, "MON-0", "MON-1", "MON-2");
            for (String node : List.of("MON-0", "MON-1", "MON-2")) {
                local.service().fullComputerInformation(node, true);
            }
            SoftwareInstance instance = client.request(new InstanceRequest(
                    "mon-db",
                    SOFTWARE,
                    "default",
                    Map.of(),
                    false,
                    Map.of("computer_guid", "MON-1"),
                    false,
                    RequestedState.STARTED));
            String partition = instance.partitionReference().orElseThrow();
            local.service().instanceError("MON-1", partition, "buildout failed", null);

            int metricsPort = RealPrometheus.freeLoopbackPort();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread monitor = new Thread(() -> exit.set(new CommandLine(new SlapdeskCommand())
                    .execute(
                            "monitor",
                            "--master-url",
                            local.url().toString(),
                            "--rest-url",
                            local.hateoasUrl().toString(),
                            "--metrics-listen",
                            "127.0.0.1:" + metricsPort,
                            "--interval",
                            "1s")));
            monitor.start();
            try (RealPrometheus prometheus = RealPrometheus.scraping(dir, metricsPort)) {
                assertThat(prometheus.awaitValue("slapdesk_service_health{service=\"mon-db\"}", "2"))
                        .as("the service in error is red (2); served:%n%s", scrape(metricsPort))
                        .isTrue();
                assertThat(prometheus.values("slapdesk_node_health{profile=\"command line\"}"))
                        .as("three nodes that called just now are green (0)")
                        .containsExactlyInAnyOrder("0", "0", "0");
                assertThat(prometheus.values("slapdesk_instance_health{node=\"MON-1\",partition=\"" + partition
                                + "\",instance_title=\"mon-db\"}"))
                        .containsExactly("2");
                assertThat(prometheus.values("slapdesk_instance_status{instance_title=\"mon-db\",status=\"error\"}"))
                        .containsExactly("1");
                assertThat(prometheus.values("slapdesk_node_contact_age_seconds < 600"))
                        .hasSize(3);
                assertThat(prometheus.values("slapdesk_nodes_read")).containsExactly("3");
                assertThat(prometheus.values("slapdesk_refresh_failures_total")).containsExactly("0");
                assertThat(prometheus.values("time() - slapdesk_last_complete_refresh_timestamp_seconds < 30"))
                        .as("a complete refresh happened lately")
                        .hasSize(1);
                assertThat(prometheus.values("slapdesk_refresh_duration_seconds > 0"))
                        .hasSize(1);
            } finally {
                monitor.interrupt();
                monitor.join(10_000);
            }
            assertThat(monitor.isAlive()).as("the monitor stops").isFalse();
            assertThat(exit.get()).isZero();
        }
    }

    private String scrape(int metricsPort) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void formatNodes(LocalMaster local, String... references) throws Exception {
        try (MasterHttp http =
                MasterHttp.open(MasterProfile.plain("node", local.url().toString()), ClientOptions.defaults())) {
            SlapEndpoint asANode = new SlapEndpoint(http, local.url());
            for (String reference : references) {
                List<Partition> partitions = List.of(Partition.simple(
                        "slappart0",
                        "/srv/slapgrid/slappart0",
                        List.of(Address.of("10.0.0.2", "255.255.255.255")),
                        "slaptap0"));
                assertThat(asANode.loadComputerConfigurationFromXml(
                                ComputerConfiguration.minimal(reference, "10.0.0.1", "255.255.255.0", partitions)))
                        .isEqualTo("done");
            }
        }
    }
}
