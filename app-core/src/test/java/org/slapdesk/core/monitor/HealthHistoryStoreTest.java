package org.slapdesk.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.health.HealthSpan;
import org.slapdesk.core.health.TimeRange;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.HealthHistoryDao;

/** The health history in a real SQLite file, over simulated time (30 s refreshes without waiting). */
class HealthHistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final ObjectRef NODE_3 = new ObjectRef(ObjectRef.Kind.NODE, "COMP-3");

    @TempDir
    Path dir;

    private AppStore store;
    private MovingClock clock;

    @BeforeEach
    void open() {
        store = AppStore.open(dir.resolve("slapdesk.db"));
        clock = new MovingClock(T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<String, Health> fleet(int size, int... red) {
        Map<String, Health> out = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            out.put("COMP-" + i, Health.green("contact 10 s ago"));
        }
        for (int i : red) {
            out.put("COMP-" + i, Health.red("#error no contact for 8 min"));
        }
        return out;
    }

    private void refresh(HealthHistoryStore history, Map<String, Health> colours) {
        history.record(Fleets.nodes(clock.instant(), colours), clock.instant());
        clock.advance(REFRESH);
    }

    @Test
    void onlyColourChangesAreWrittenAndTheStripShowsThem() {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            for (int i = 0; i < 10; i++) {
                refresh(history, fleet(10));
            }
            Instant redAt = clock.instant();
            for (int i = 0; i < 4; i++) {
                refresh(history, fleet(10, 3));
            }
            Instant greenAgain = clock.instant();
            for (int i = 0; i < 6; i++) {
                refresh(history, fleet(10));
            }

            HealthHistoryDao.RowCounts rows = store.healthHistory().rowCounts("lab");
            assertThat(rows.transitions())
                    .as("10 first colours + 2 changes of COMP-3")
                    .isEqualTo(12);
            List<HealthSpan> strip = history.strip(NODE_3, new TimeRange(T0.plusSeconds(60), clock.instant()));
            assertThat(strip)
                    .extracting(s -> s.health().level(), HealthSpan::from, HealthSpan::to)
                    .containsExactly(
                            tuple(Health.Level.GREEN, T0.plusSeconds(60), redAt),
                            tuple(Health.Level.RED, redAt, greenAgain),
                            tuple(Health.Level.GREEN, greenAgain, clock.instant()));
            assertThat(strip.get(1).health().reason()).isEqualTo("#error no contact for 8 min");
            assertThat(history.changedAt(NODE_3)).contains(greenAgain);
            assertThat(history.changedAt(new ObjectRef(ObjectRef.Kind.NODE, "COMP-1")))
                    .contains(T0);
        }
    }

    @Test
    void countsPerColourComeInAFewHundredPointsForEveryRange() {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            // 3 hours: the first two hours with 2 red of 10, then all green
            for (int i = 0; i < 240; i++) {
                refresh(history, fleet(10, 1, 2));
            }
            for (int i = 0; i < 120; i++) {
                refresh(history, fleet(10));
            }

            List<ColourCounts> hour = history.counts(ObjectRef.Kind.NODE, TimeRange.lastHour(clock));
            assertThat(hour).hasSize(60).allSatisfy(c -> {
                assertThat(c.width()).isEqualTo(Duration.ofMinutes(1));
                assertThat(c.green()).isEqualTo(10.0);
                assertThat(c.red()).isZero();
            });
            List<ColourCounts> day = history.counts(ObjectRef.Kind.NODE, TimeRange.lastDay(clock));
            assertThat(day).hasSize(12).allSatisfy(c -> assertThat(c.width()).isEqualTo(Duration.ofMinutes(15)));
            assertThat(day.get(0).red()).isEqualTo(2.0);
            assertThat(day.get(0).total()).isEqualTo(10.0);
            List<ColourCounts> month = history.counts(ObjectRef.Kind.NODE, TimeRange.last(Duration.ofDays(30), clock));
            assertThat(month).hasSize(3);
            assertThat(month.get(2).width()).isEqualTo(Duration.ofHours(1));
            assertThat(month.get(1).red()).isEqualTo(2.0);
            assertThat(month.get(1).redMax()).isEqualTo(2);
            assertThat(history.counts(ObjectRef.Kind.NODE, TimeRange.lastWeek(clock)))
                    .hasSize(12);
            assertThat(history.counts(ObjectRef.Kind.INSTANCE_TREE, TimeRange.lastHour(clock)))
                    .allSatisfy(c -> assertThat(c.total()).isZero());
        }
    }

    @Test
    void aShortOutageStaysVisibleInTheHourlyBucketsAsTheMostRedAtOnce() {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            refresh(history, fleet(10, 1, 2, 3, 4));
            for (int i = 0; i < 119; i++) {
                refresh(history, fleet(10));
            }
            ColourCounts bucket = history.counts(ObjectRef.Kind.NODE, TimeRange.last(Duration.ofDays(20), clock))
                    .get(0);
            assertThat(bucket.redMax()).isEqualTo(4);
            assertThat(bucket.red()).isEqualTo(4.0 / 120);
        }
    }

    @Test
    void aNodeThatLeavesTheMasterEndsItsStripAndComesBackAsNew() {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            refresh(history, fleet(5));
            Instant removedAt = clock.instant();
            Map<String, Health> without3 = fleet(5);
            without3.remove("COMP-3");
            refresh(history, without3);
            refresh(history, without3);
            Instant backAt = clock.instant();
            refresh(history, fleet(5));

            assertThat(history.strip(NODE_3, new TimeRange(T0, clock.instant())))
                    .extracting(HealthSpan::from, HealthSpan::to)
                    .containsExactly(tuple(T0, removedAt), tuple(backAt, clock.instant()));
            assertThat(history.changedAt(NODE_3)).contains(backAt);
            Map<String, Health> without3Again = fleet(5);
            without3Again.remove("COMP-3");
            refresh(history, without3Again);
        }
        try (HealthHistoryStore reopened = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            assertThat(reopened.trackedObjects())
                    .as("a removed object is not current any more")
                    .isEqualTo(4);
            assertThat(reopened.changedAt(NODE_3)).isEmpty();
        }
    }

    @Test
    void reopeningKeepsTheCurrentColoursSoNothingIsWrittenTwice() {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            refresh(history, fleet(10, 3));
        }
        try (HealthHistoryStore again = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            assertThat(again.trackedObjects()).isEqualTo(10);
            assertThat(again.changedAt(NODE_3)).contains(T0);
            refresh(again, fleet(10, 3));
            assertThat(store.healthHistory().rowCounts("lab").transitions()).isEqualTo(10);
        }
        try (HealthHistoryStore other = HealthHistoryStore.open(store, "other", HistoryOptions.defaults(), clock)) {
            assertThat(other.trackedObjects())
                    .as("profiles have their own history")
                    .isZero();
        }
    }

    @Test
    void pruningDropsWhatIsPastTheRetentionButKeepsTheColourAtTheCut() {
        HistoryOptions twoDays = HistoryOptions.defaults().withRetention(Duration.ofDays(2));
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", twoDays, clock)) {
            // COMP-3 flips every hour for 4 days; one refresh per 10 minutes keeps the test quick
            for (int hour = 0; hour < 96; hour++) {
                for (int i = 0; i < 6; i++) {
                    history.record(
                            Fleets.nodes(clock.instant(), hour % 2 == 0 ? fleet(4) : fleet(4, 3)), clock.instant());
                    clock.advance(Duration.ofMinutes(10));
                }
            }
            HealthHistoryDao.RowCounts before = store.healthHistory().rowCounts("lab");
            assertThat(before.transitions()).isEqualTo(4 + 95);
            clock.advance(Duration.ofMinutes(5)); // the cut falls 5 minutes after a change

            int deleted = history.prune();

            HealthHistoryDao.RowCounts after = store.healthHistory().rowCounts("lab");
            assertThat(deleted).isPositive();
            // COMP-3: 47 changes in the last 2 days + the one in force at the cut; 3 others: their first row
            assertThat(after.transitions()).isEqualTo(3 + 47 + 1);
            Instant cut = clock.instant().minus(Duration.ofDays(2));
            List<HealthSpan> strip = history.strip(NODE_3, new TimeRange(cut, clock.instant()));
            assertThat(strip.get(0).from()).isEqualTo(cut);
            assertThat(strip).hasSize(48);
            assertThat(history.strip(new ObjectRef(ObjectRef.Kind.NODE, "COMP-0"), new TimeRange(cut, clock.instant())))
                    .singleElement()
                    .satisfies(s -> assertThat(s.health().level()).isEqualTo(Health.Level.GREEN));
            // per kind (4 kinds of fleet object): the refreshes' minute buckets of the last 2 days (48 h 10
            // to 95 h 50, every 10 min), every 15-minute bucket of the 4 days (kept 8), the hours after the cut
            assertThat(after.buckets()).isEqualTo(4 * (287 + 4 * 96 + 47));
            assertThat(history.prune()).as("nothing left to prune").isZero();
        }
    }

    @Test
    void aShorterRetentionSetWhileOpenIsWhatThePruneCuts() {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            refresh(history, fleet(2, 1));
            clock.advance(Duration.ofDays(1));
            refresh(history, fleet(2));
            clock.advance(Duration.ofDays(1));
            refresh(history, fleet(2, 1));
            clock.advance(Duration.ofDays(4));
            refresh(history, fleet(2));
            long kept = store.healthHistory().rowCounts("lab").transitions();
            assertThat(kept).as("COMP-0 once, COMP-1 four times").isEqualTo(5L);
            history.prune();
            assertThat(store.healthHistory().rowCounts("lab").transitions())
                    .as("30 days keep it all")
                    .isEqualTo(5L);

            history.useRetention(Duration.ofDays(2));
            history.prune();

            // the cut falls on day 4: COMP-1 keeps its red of day 2 (in force at the cut) and its green of day 6
            assertThat(store.healthHistory().rowCounts("lab").transitions()).isEqualTo(3L);
        }
    }

    @Test
    void pruningRunsByItselfWhenTheHistoryOpens() throws Exception {
        try (HealthHistoryStore history = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            refresh(history, fleet(3, 1));
            clock.advance(Duration.ofHours(1));
            refresh(history, fleet(3));
        }
        clock.advance(Duration.ofDays(40));
        try (HealthHistoryStore later = HealthHistoryStore.open(store, "lab", HistoryOptions.defaults(), clock)) {
            assertThat(later.trackedObjects()).isEqualTo(3);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.healthHistory().rowCounts("lab").buckets() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            HealthHistoryDao.RowCounts rows = store.healthHistory().rowCounts("lab");
            assertThat(rows.buckets()).isZero();
            assertThat(rows.transitions()).as("the colour each node has now").isEqualTo(3);
        }
    }
}
