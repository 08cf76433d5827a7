package org.slapdesk.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.Snapshot;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.page.ListPageModel;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.master.LocalMaster;

/**
 * The JavaFX window itself (headless, as the tests run it) on a local master of N servers, in
 * this process: time to the first full table, time per filter keystroke, heap after a full GC,
 * and a refresh after 1% of the servers changed. Every line is an aim, met or missed.
 */
final class WindowBenchmark {

    private static final String PROFILE = "bench";
    private static final String TYPED = "comp-1234";
    private static final long PATIENCE_SECONDS = 300;

    private final Path workDir;
    private final FleetFixture fleet;

    WindowBenchmark(Path workDir, FleetFixture fleet) {
        this.workDir = workDir;
        this.fleet = fleet;
    }

    void run(Report report) throws Exception {
        report.section(String.format(
                Locale.ROOT,
                "the window at scale: %d servers x %d partitions on a local master, JavaFX headless in this process",
                fleet.nodes(),
                fleet.partitions()));
        try (LocalMaster master = LocalMaster.start(
                workDir.resolve("window-master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            long filling = System.nanoTime();
            fleet.fill(new SlapCalls(master.url().toString()));
            report.note(String.format(Locale.ROOT, "filled through the API in %.1f s", seconds(filling)));
            MasterProfile profile =
                    MasterProfile.plain(PROFILE, master.url().toString()).withRestUrl(master.hateoasUrl());
            startToolkit();
            AppContext context = onFx(() -> openWindow(profile));
            try {
                measure(report, context, master);
            } finally {
                onFx(() -> {
                    context.close();
                    return null;
                });
                Platform.exit();
            }
        }
    }

    private void measure(Report report, AppContext context, LocalMaster master) throws Exception {
        ListPageModel<ServerRow, ?> list = context.servers().list();
        FirstTableTimes times = new FirstTableTimes();
        onFx(() -> {
            times.follow(context.session().fleetProperty(), list, fleet.nodes());
            context.start(PROFILE);
            return null;
        });
        waitUntil(() -> list.rows().size() == fleet.nodes());
        double firstTable = times.firstTable();
        waitUntil(() -> !context.session().refreshingProperty().get());
        report.aim("first full table (" + fleet.nodes() + " rows)", Report.human(firstTable), firstTable < 2, "< 2 s");
        waitUntil(times::laidOut);
        report.note(times.breakdown());

        List<Double> keys = new ArrayList<>();
        for (int length = 1; length <= TYPED.length(); length++) {
            keys.add(keystroke(list, TYPED.substring(0, length)));
        }
        for (int length = TYPED.length() - 1; length >= 0; length--) {
            keys.add(keystroke(list, TYPED.substring(0, length)));
        }
        Collections.sort(keys);
        double median = keys.get(keys.size() / 2);
        double worst = keys.get(keys.size() - 1);
        report.aim(
                "filter keystroke, median of " + keys.size() + " (typed then erased)",
                Report.human(median),
                median < 0.05,
                "< 50 ms");
        report.aim("filter keystroke, worst of " + keys.size(), Report.human(worst), worst < 0.05, "< 50 ms");

        double heapMiB = heapAfterGc() / 1024.0 / 1024.0;
        report.aim(
                "heap used with the window open, after a full GC",
                String.format(Locale.ROOT, "%.1f MiB", heapMiB),
                heapMiB < 1024,
                "< 1 GiB");

        int changed = fleet.nodes() / 100;
        AtomicInteger rowsChanged = new AtomicInteger();
        onFx(() -> {
            list.onRowChanged(row -> rowsChanged.incrementAndGet());
            return null;
        });
        for (int n = 0; n < changed; n++) {
            master.service().fullComputerInformation(SlapCalls.node(n), true);
        }
        long callsBefore = master.requestsServed();
        long refreshing = System.nanoTime();
        onFx(() -> {
            context.refreshAll();
            return null;
        });
        waitUntil(() -> !context.session().refreshingProperty().get());
        double refresh = seconds(refreshing);
        report.aim(
                "refresh after " + changed + " servers (1 %) changed: " + rowsChanged.get() + " rows changed, in "
                        + Report.human(refresh),
                rowsChanged.get() + " rows",
                rowsChanged.get() <= changed,
                "rows proportional to the change");
        long calls = master.requestsServed() - callsBefore;
        report.note("the refresh asked the master only the rows changed since the last read (change counter): "
                + calls + " HTTP calls, " + Report.human(refresh) + " against " + Report.human(firstTable)
                + " for the first table");
    }

    private static AppContext openWindow(MasterProfile profile) {
        ClientOptions options = ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5));
        AppContext context =
                new AppContext(List.of(profile), chosen -> SlapMaster.open(chosen, options), ActivityStore.NONE);
        new MainWindow(context, null).show(new Stage(), WindowOptions.parse(List.of("--view", "servers")));
        return context;
    }

    /** Seconds from setting the filter text to its result applied to the table's rows. */
    private static double keystroke(ListPageModel<ServerRow, ?> list, String text) throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        ChangeListener<String> onApplied = (o, was, now) -> {
            if (text.equals(now)) {
                applied.countDown();
            }
        };
        long start = System.nanoTime();
        onFx(() -> {
            list.appliedFilterProperty().addListener(onApplied);
            list.filterProperty().set(text);
            return null;
        });
        if (!applied.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException("the filter '" + text + "' was never applied");
        }
        onFx(() -> {
            list.appliedFilterProperty().removeListener(onApplied);
            return null;
        });
        return seconds(start);
    }

    private static void startToolkit() throws InterruptedException {
        Snapshot.useHeadlessToolkit();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        started.await();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the window did not get there in " + PATIENCE_SECONDS + " s");
            }
            Thread.sleep(10);
        }
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
