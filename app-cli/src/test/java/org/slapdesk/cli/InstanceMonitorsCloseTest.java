package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.monitor.InstanceMonitors;
import org.slapdesk.core.monitor.PromiseReader;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.master.LocalMaster;

/**
 * Closing the monitor reader at shutdown (window closed, {@code slapdesk monitor} stopped) while a
 * read waits on a monitor that does not answer: the read ends at once, and quietly.
 */
class InstanceMonitorsCloseTest {

    @Test
    void closingDuringAReadStopsItPromptlyWithoutAWarning(@TempDir Path dir) throws Exception {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (LocalMaster local = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("master.sqlite"), 0));
                ServerSocket silentMonitor = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                SlapMaster master = SlapMaster.open(
                        MasterProfile.plain("local", local.url().toString()).withRestUrl(local.hateoasUrl()),
                        ClientOptions.defaults());
                FleetState fleet = FleetState.owning(
                        master, FleetOptions.defaults(), new HealthRules(Clock.systemUTC()), HealthRecorder.none())) {
            ServiceWithMonitor.publish(
                    local, "shop", URI.create("http://127.0.0.1:" + silentMonitor.getLocalPort()), "monitor-pw");
            fleet.refresh();
            InstanceMonitors monitors = new InstanceMonitors(master, new PromiseReader(Clock.systemUTC()), 2);
            // the test logger (slf4j-simple) writes to whatever System.err is at the time
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CompletableFuture<Map<String, ServicePromises>> read = new CompletableFuture<>();
            Thread reading = new Thread(() -> {
                try {
                    read.complete(monitors.read(fleet.snapshot()));
                } catch (Throwable e) {
                    read.completeExceptionally(e);
                }
            });
            reading.start();
            try (Socket waiting = silentMonitor.accept()) {
                long closing = System.nanoTime();
                monitors.close();
                read.get(3, TimeUnit.SECONDS);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing))
                        .isLessThan(3000);
            } finally {
                reading.join(5_000);
                System.setErr(standardError);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("WARN", "ERROR", "InterruptedException");
    }
}
