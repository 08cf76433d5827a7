package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.profile.EmbeddedMaster;
import org.slapdesk.gui.servers.ServerRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a local master holding 10,000 servers stays responsive: the filter is typed while
 * a refresh runs, a row is selected and its detail loads, and the FX thread never stalls longer
 * than a bound (a pulse probe records the longest gap between two animation pulses).
 *
 * <p>The servers have one partition each, not the 20: formatting 10,000 x 20 through the
 * API costs ~18 s alone on this shared 2-core machine, and the test must stay near two minutes
 * (the 20-partition fleet is measured by {@code ./benchmarks scale}). The whole scenario is one
 * test so the master is filled once.
 */
@ExtendWith(ApplicationExtension.class)
class TenThousandServersWindowTest {

    private static final Logger LOG = LoggerFactory.getLogger(TenThousandServersWindowTest.class);
    private static final int SERVERS = 10_000;
    /** Generous: the machine is shared with other builds; a blocked FX thread stalls for seconds. */
    private static final long LONGEST_STALL_MILLIS = 500;
    /**
     * The first table puts 10,000 rows into the list in one change on the FX thread: 450 to 615 ms
     * measured here on 7 December 2026 under load, so its bound is wider than the interactive one.
     */
    private static final long LONGEST_FIRST_TABLE_STALL_MILLIS = 1500;
    /**
     * Typing in the filter box with no refresh running: matching runs off the FX thread, so each
     * key costs the FX thread only the swap of the shown rows and the re-filled cells; bound at the
     * issue's aim of 50 ms a key. Measured as the FX thread's own CPU time between two pulses: on
     * this shared 2-core machine (load 10 to 12 at times) a few ms of work wait long for a core, so
     * the wall-clock gap is logged, not bound. 7 December 2026: 19 ms (266 ms wall); 57 ms (763 ms
     * wall) when the matched rows were sorted again on each key and each health cell made new nodes.
     */
    private static final long LONGEST_TYPING_BUSY_MILLIS = 50;

    @TempDir
    Path folder;

    private AppContext context;
    private Stage stage;
    private final PulseProbe probe = new PulseProbe();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> {
                    EmbeddedMaster embedded = EmbeddedMaster.start(folder.resolve("data/local-master.sqlite"));
                    formatServers(embedded.url());
                    return embedded;
                },
                ActivityStore.NONE);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "servers")));
        probe.start();
        context.start(MasterProfile.local().name());
    }

    private static void formatServers(String url) throws Exception {
        ExecutorService posting = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < SERVERS; i++) {
                String reference = String.format("COMP-%05d", i);
                posts.add(posting.submit(() -> {
                    NodeFormat.post(url, NodeFormat.withPartitions(reference, 1));
                    return null;
                }));
            }
            for (Future<?> post : posts) {
                post.get(120, TimeUnit.SECONDS);
            }
        } finally {
            posting.shutdownNow();
        }
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(probe::stop).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void filterSelectAndRefreshStayResponsive(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "all 10,000 servers are listed",
                150,
                () -> context.servers().list().rows().size() == SERVERS);
        driver.waitFor("the first refresh is over", 60, () -> !context.session()
                .refreshingProperty()
                .get());
        assertThat(driver.table("#servers-table").getItems()).hasSize(SERVERS);
        long firstTableStall = probe.take().wallMillis();
        // writing a PNG of the window runs on the FX thread: not a stall the user sees
        driver.snapshot("fleet-10000-servers");
        probe.take();

        robot.clickOn("#servers-page .filter-box");
        Stall typing = typeAndEraseAlone(robot, driver);

        int keysWhileRefreshing = 0;
        for (char typed : "comp-01".toCharArray()) {
            if (!context.session().refreshingProperty().get()) {
                WaitForAsyncUtils.asyncFx(context::refreshAll).get(5, TimeUnit.SECONDS);
            }
            if (context.session().refreshingProperty().get()) {
                keysWhileRefreshing++;
            }
            robot.write(typed);
        }
        driver.waitFor(
                "the filter keeps COMP-01000 to COMP-01999",
                30,
                () -> context.servers().list().visibleRows().size() == 1000);
        driver.selectRow("#servers-table", row -> ((ServerRow) row).reference().equals("COMP-01234"));
        driver.waitFor(
                "the selected server's partition is shown",
                10,
                () -> context.servers().partitions().size() == 1);
        driver.waitFor("the refresh is over", 60, () -> !context.session()
                .refreshingProperty()
                .get());
        long interactiveStall = probe.take().wallMillis();
        driver.snapshot("fleet-10000-servers-filtered");
        LOG.info(
                "10,000 servers: longest FX stall {} ms up to the first full table, {} ms typing alone (of which {} ms"
                        + " busy on the FX thread), {} ms while typing, refreshing and selecting ({} keys typed during"
                        + " a refresh)",
                firstTableStall,
                typing.wallMillis(),
                typing.busyMillis(),
                interactiveStall,
                keysWhileRefreshing);

        assertThat(typing.busyMillis())
                .as("longest FX thread work between two pulses while typing and erasing a filter (ms of CPU)")
                .isLessThan(LONGEST_TYPING_BUSY_MILLIS);

        assertThat(keysWhileRefreshing).as("keys typed while a refresh ran").isPositive();
        assertThat(interactiveStall)
                .as("longest FX stall while typing, refreshing and selecting (ms)")
                .isLessThan(LONGEST_STALL_MILLIS);
        assertThat(firstTableStall)
                .as("longest FX stall up to the first full table (ms)")
                .isLessThan(LONGEST_FIRST_TABLE_STALL_MILLIS);
    }

    /**
     * Types a filter key by key into the focused box, waits for its ten rows, erases it key by key
     * and waits for every row again; returns the longest FX stall meanwhile.
     */
    private Stall typeAndEraseAlone(FxRobot robot, WindowDriver driver) throws Exception {
        String typed = "comp-0123";
        probe.take();
        robot.write(typed);
        driver.waitFor(
                "the filter keeps COMP-01230 to COMP-01239",
                30,
                () -> context.servers().list().visibleRows().size() == 10);
        robot.eraseText(typed.length());
        driver.waitFor(
                "the erased filter shows every server again",
                30,
                () -> context.servers().list().visibleRows().size() == SERVERS);
        return probe.take();
    }

    /** The longest gap between two pulses, on the wall clock and in CPU time the FX thread spent in it. */
    private record Stall(long wallMillis, long busyMillis) {}

    /** Records the longest gap between two pulses of the FX thread; started and stopped on it. */
    private static final class PulseProbe extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final AtomicLong longestGapNanos = new AtomicLong();
        private final AtomicLong longestBusyNanos = new AtomicLong();
        private long previous;
        private long previousCpu;

        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            if (previous != 0) {
                longestGapNanos.accumulateAndGet(now - previous, Math::max);
                longestBusyNanos.accumulateAndGet(cpu - previousCpu, Math::max);
            }
            previous = now;
            previousCpu = cpu;
        }

        Stall take() {
            return new Stall(
                    TimeUnit.NANOSECONDS.toMillis(longestGapNanos.getAndSet(0)),
                    TimeUnit.NANOSECONDS.toMillis(longestBusyNanos.getAndSet(0)));
        }
    }
}
