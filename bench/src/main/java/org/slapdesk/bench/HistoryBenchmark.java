package org.slapdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.health.TimeRange;
import org.slapdesk.core.monitor.HealthHistoryStore;
import org.slapdesk.core.monitor.HistoryOptions;
import org.slapdesk.core.monitor.WhatIsWrong;
import org.slapdesk.core.monitor.WrongItem;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.HealthHistoryDao;
import org.slapdesk.core.store.LevelCounts;
import org.slapdesk.core.store.TransitionRow;

/**
 * {@code ./benchmarks history}: the health history of a large fleet (10,000 nodes, 200,000 busy
 * partitions, their installations and 20,000 services) at a 30 s refresh with a share of objects
 * changing colour at each refresh. Measures the cost of recording one refresh, the heap the
 * history holds, the store after 30 days of counts and one day of transitions (extrapolated to 30
 * days), the pruning, and the time to compute the dashboard data from the store.
 */
final class HistoryBenchmark {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String PROFILE = "bench";
    private static final int DAYS = 30;

    private final Path work;
    private final int nodes;
    private final int partitionsPerNode;
    private final int services;
    private final double changeShare;

    HistoryBenchmark(Path work, int nodes, int partitionsPerNode, int services, double changeShare) {
        this.work = work;
        this.nodes = nodes;
        this.partitionsPerNode = partitionsPerNode;
        this.services = services;
        this.changeShare = changeShare;
    }

    void run(PrintStream out) throws IOException {
        Path file = work.resolve("history.db");
        SimulatedClock clock = new SimulatedClock(T0);
        SyntheticFleet fleet = new SyntheticFleet(nodes, partitionsPerNode, services, T0);
        out.printf(
                "%nHealth history: %,d nodes, %,d partitions, %,d objects, %.2f%% changing per 30 s refresh%n",
                nodes, nodes * partitionsPerNode, fleet.objects(), changeShare * 100);
        try (AppStore store = AppStore.open(file)) {
            long heapBefore = usedHeap();
            try (HealthHistoryStore history =
                    HealthHistoryStore.open(store, PROFILE, HistoryOptions.defaults(), clock)) {
                long start = System.nanoTime();
                history.record(fleet.snapshot(clock.instant()), clock.instant());
                out.printf("  first refresh recorded (every object's first colour): %s%n", millis(start));
                long heapAfter = usedHeap();
                out.printf(
                        "  heap held by the history (current colour of %,d objects): %.0f MB%n",
                        history.trackedObjects(), (heapAfter - heapBefore) / 1e6);
                List<Long> steady = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    clock.advance(REFRESH);
                    fleet.change(changeShare);
                    FleetSnapshot snapshot = fleet.snapshot(clock.instant());
                    long t = System.nanoTime();
                    history.record(snapshot, clock.instant());
                    steady.add(System.nanoTime() - t);
                }
                out.printf("  one refresh recorded (median of 10): %.0f ms%n", median(steady) / 1e6);
            }
            long transitionsPerDay = fillThirtyDays(store, fleet, clock, out);
            HealthHistoryDao.RowCounts rows = store.healthHistory().rowCounts(PROFILE);
            long bytes = Files.size(file) + walSize(file);
            out.printf(
                    "  store after %d days of counts and 1 day of transitions: %,d transitions, %,d buckets, %.0f MB%n",
                    DAYS, rows.transitions(), rows.buckets(), bytes / 1e6);
            double bytesPerTransition = (double) bytes / Math.max(1, rows.transitions());
            out.printf(
                    "  extrapolated to %d days of transitions: %,d rows, %.1f GB%n",
                    DAYS, transitionsPerDay * DAYS, transitionsPerDay * DAYS * bytesPerTransition / 1e9);
            dashboard(store, fleet, clock, out);
        }
    }

    /**
     * 30 days of per-kind counts, one call per simulated 5 minutes (what 10 refreshes add), then a
     * last day of transitions at the change rate, written in hourly batches.
     */
    private long fillThirtyDays(AppStore store, SyntheticFleet fleet, SimulatedClock clock, PrintStream out) {
        HealthHistoryDao dao = store.healthHistory();
        Map<ObjectRef.Kind, LevelCounts> counts = counts(fleet.snapshot(clock.instant()));
        List<Duration> widths = List.of(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));
        long start = System.nanoTime();
        Instant end = T0.plus(Duration.ofDays(DAYS));
        Instant lastDay = end.minus(Duration.ofDays(1));
        int perRefresh = (int) Math.round(fleet.objects() * changeShare);
        long transitions = 0;
        List<TransitionRow> hour = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(5));
            Instant at = clock.instant();
            if (!at.isBefore(lastDay)) {
                for (int r = 0; r < 10; r++) {
                    Instant refresh = at.minus(REFRESH.multipliedBy(r));
                    for (int i = 0; i < perRefresh; i++) {
                        hour.add(new TransitionRow(
                                fleet.randomRef(),
                                refresh,
                                fleet.coin() ? Health.red("#error synthetic") : Health.green("fine"),
                                false));
                    }
                }
            }
            boolean hourEnds = at.getEpochSecond() % 3600 == 0;
            dao.record(PROFILE, hourEnds ? hour : List.of(), counts, at, widths);
            if (hourEnds) {
                transitions += hour.size();
                hour = new ArrayList<>();
            }
        }
        out.printf(
                "  %d days of counts and 1 day of transitions (%,d rows) written in %.0f s%n",
                DAYS, transitions, (System.nanoTime() - start) / 1e9);
        return transitions;
    }

    private void dashboard(AppStore store, SyntheticFleet fleet, SimulatedClock clock, PrintStream out) {
        long open = System.nanoTime();
        try (HealthHistoryStore history = HealthHistoryStore.open(store, PROFILE, HistoryOptions.defaults(), clock)) {
            out.printf("  history opened on that store (loads the current colours): %s%n", millis(open));
            long prune = System.nanoTime();
            int deleted = history.prune();
            out.printf(
                    "  prune (minute buckets older than 2 days, in batches): %,d rows in %s%n", deleted, millis(prune));
            FleetSnapshot snapshot = fleet.snapshot(clock.instant());
            List<Long> times = new ArrayList<>();
            int points = 0;
            int wrong = 0;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                points = history.counts(ObjectRef.Kind.NODE, TimeRange.lastDay(clock))
                                .size()
                        + history.counts(ObjectRef.Kind.INSTANCE, TimeRange.lastDay(clock))
                                .size()
                        + history.counts(ObjectRef.Kind.NODE, TimeRange.lastWeek(clock))
                                .size()
                        + history.counts(ObjectRef.Kind.INSTANCE, TimeRange.lastWeek(clock))
                                .size()
                        + history.counts(ObjectRef.Kind.INSTANCE_TREE, TimeRange.lastWeek(clock))
                                .size();
                List<WrongItem> items = WhatIsWrong.list(PROFILE, snapshot, List.of(), history::changedAt);
                wrong = items.size();
                history.strip(items.get(0).object(), TimeRange.lastWeek(clock));
                times.add(System.nanoTime() - t);
            }
            out.printf(
                    "  dashboard data (day and week counts: %d points; what is wrong now: %,d rows; one strip):"
                            + " %.0f ms (median of 5)%n",
                    points, wrong, median(times) / 1e6);
        }
    }

    private static Map<ObjectRef.Kind, LevelCounts> counts(FleetSnapshot snapshot) {
        Map<ObjectRef.Kind, LevelCounts> out = new EnumMap<>(ObjectRef.Kind.class);
        out.put(ObjectRef.Kind.NODE, tally(snapshot.nodes().values()));
        out.put(
                ObjectRef.Kind.SOFTWARE_INSTALLATION,
                tally(snapshot.installations().values()));
        out.put(ObjectRef.Kind.INSTANCE, tally(snapshot.partitions().values()));
        out.put(ObjectRef.Kind.INSTANCE_TREE, tally(snapshot.services().values()));
        return out;
    }

    private static LevelCounts tally(Iterable<? extends Tracked<?>> rows) {
        LevelCounts n = LevelCounts.NONE;
        for (Tracked<?> row : rows) {
            n = n.plus(row.health().level());
        }
        return n;
    }

    private static long walSize(Path db) throws IOException {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String millis(long startNanos) {
        return String.format("%.0f ms", (System.nanoTime() - startNanos) / 1e6);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
