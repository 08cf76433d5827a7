package org.slapdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.master.LocalMaster;

/**
 * The data path behind the window at fleet scale: one profile's fleet state reading a local
 * master of N servers (the embedded master, in this process): the first full read, the heap the
 * fleet keeps, and a refresh after 1% of the servers changed (which reads only the changed rows). No Python peer does this: every
 * line is an aim, met or missed.
 */
final class FleetScaleBenchmark {

    private static final String PROXY_HOST = "127.0.0.2";

    private final Path workDir;
    private final FleetFixture fleet;
    private final Duration latency;

    FleetScaleBenchmark(Path workDir, FleetFixture fleet) {
        this(workDir, fleet, Duration.ZERO);
    }

    /** With {@code latency} added each way between the fleet state and the master (a delaying proxy). */
    FleetScaleBenchmark(Path workDir, FleetFixture fleet, Duration latency) {
        this.workDir = workDir;
        this.fleet = fleet;
        this.latency = latency;
    }

    void run(PrintStream out) throws IOException, InterruptedException, MasterException {
        out.printf(
                Locale.ROOT,
                "%n== fleet state at scale: %d servers x %d partitions on a local master, read through its fleet-wide"
                        + " searches%s%n",
                fleet.nodes(),
                fleet.partitions(),
                latency.isZero() ? "" : ", " + latency.toMillis() + " ms added each way by a loopback proxy");
        // the proxy listens on another loopback address at the master's port, a name the master is
        // told it serves: its Host check refuses any other port
        try (LocalMaster master = LocalMaster.start(
                LocalMaster.Options.loopback(workDir.resolve("scale-master-" + latency.toMillis() + "ms.sqlite"), 0)
                        .withPublicNames(List.of(PROXY_HOST)))) {
            long filling = System.nanoTime();
            fleet.fill(new SlapCalls(master.url().toString()));
            out.printf(Locale.ROOT, "filled through the API in %.1f s%n", seconds(filling));
            URI base = master.url();
            DelayProxy proxy = null;
            if (!latency.isZero()) {
                proxy = DelayProxy.start(
                        new InetSocketAddress(PROXY_HOST, base.getPort()),
                        new InetSocketAddress(base.getHost(), base.getPort()),
                        latency);
                base = URI.create("http://" + PROXY_HOST + ":" + proxy.port() + "/");
            }
            MasterProfile profile =
                    MasterProfile.plain("bench", base.toString()).withRestUrl(base.resolve("hateoas/"));
            long heapBefore = heapAfterGc();
            try (DelayProxy delaying = proxy;
                    SlapMaster client = SlapMaster.open(
                            profile,
                            ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5)));
                    RowCountingMaster counting = new RowCountingMaster(client);
                    FleetState state = new FleetState(
                            counting,
                            FleetOptions.defaults(),
                            new HealthRules(Clock.systemUTC()),
                            HealthRecorder.none())) {
                AtomicInteger changes = new AtomicInteger();
                state.subscribe(
                        Runnable::run, update -> changes.set(update.changes().size()));
                long requestsBefore = master.requestsServed();
                long first = System.nanoTime();
                RefreshProgress done = state.refresh();
                double firstSeconds = seconds(first);
                long calls = master.requestsServed() - requestsBefore;
                int partitions = state.snapshot().partitions().size();
                long heap = heapAfterGc() - heapBefore;
                line(
                        out,
                        "first full read (" + state.snapshot().nodes().size() + " servers, " + partitions
                                + " partitions, " + calls + " HTTP calls, " + done.phase() + ")",
                        firstSeconds,
                        2.0,
                        "s");
                line(out, "heap kept by the fleet state after a full GC", heap / 1024.0 / 1024.0, 1024, "MiB");
                int changed = fleet.nodes() / 100;
                for (int n = 0; n < changed; n++) {
                    master.service().fullComputerInformation(SlapCalls.node(n), true);
                }
                changes.set(0);
                long rowsBefore = counting.rowsRead();
                long fullRows = rowsBefore;
                long callsBefore = master.requestsServed();
                long again = System.nanoTime();
                state.refresh();
                double changedSeconds = seconds(again);
                long rowsRead = counting.rowsRead() - rowsBefore;
                out.printf(
                        Locale.ROOT,
                        "refresh after %d servers (1%%) changed: %.2f s, %d HTTP calls, %d rows read (the first read:"
                                + " %d), %d change events (%s: read and events proportional to the change)%n",
                        changed,
                        changedSeconds,
                        master.requestsServed() - callsBefore,
                        rowsRead,
                        fullRows,
                        changes.get(),
                        changes.get() == changed && rowsRead <= 2L * changed ? "met" : "missed");
            }
        }
    }

    private static void line(PrintStream out, String what, double value, double aim, String unit) {
        out.printf(
                Locale.ROOT,
                "%-90s %10.2f %s  aim < %.0f %s: %s%n",
                what,
                value,
                unit,
                aim,
                unit,
                value < aim ? "met" : "missed");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long heapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
