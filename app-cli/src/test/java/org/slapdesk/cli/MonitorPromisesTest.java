package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.RealPrometheus;
import picocli.CommandLine;

/**
 * {@code slapdesk monitor} with a service whose instance monitor (a real HTTP server on loopback,
 * laid out as the monitor stack lays it out) says a promise is in ERROR: the promise's series
 * reaches a real Prometheus, and {@code --wrong} lists it.
 */
class MonitorPromisesTest {

    private static final String PASSWORD = "monitor-pw";

    @TempDir
    Path dir;

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
        int metricsPort = RealPrometheus.freeLoopbackPort();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread slapdesk = new Thread(() ->
                exit.set(run(new StringWriter(), "--metrics-listen", "127.0.0.1:" + metricsPort, "--interval", "1s")));
        slapdesk.start();
        try (RealPrometheus prometheus = RealPrometheus.scraping(dir, metricsPort)) {
            assertThat(prometheus.awaitValue(
                            "slapdesk_promise_status{service=\"shop\",instance_title=\"shop\",promise=\"check-free-disk\"}",
                            "2"))
                    .as("the promise in ERROR is 2")
                    .isTrue();
            assertThat(prometheus.values("slapdesk_monitor_up{service=\"shop\"}"))
                    .containsExactly("1");

            monitor.promise("shop", "check-free-disk", "OK", "75% free");
            assertThat(prometheus.awaitValue("slapdesk_promise_status{promise=\"check-free-disk\"}", "0"))
                    .as("back to OK")
                    .isTrue();
        } finally {
            slapdesk.interrupt();
            slapdesk.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }
}
