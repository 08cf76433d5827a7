package org.slapdesk.core.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.health.HealthSpan;
import org.slapdesk.core.health.TimeRange;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.HealthHistoryDao;
import org.slapdesk.core.store.LevelCounts;
import org.slapdesk.core.store.TransitionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health history of one profile, in the application's database: per object only its colour
 * changes (transitions), and per kind the number of objects of each colour per time bucket, so
 * charts read a few hundred points whatever the fleet size. Each refresh adds its counts to a
 * 1-minute, a 15-minute and a 1-hour bucket at once (no roll-up job); 1-minute buckets are kept 2
 * days, 15-minute ones 8 days, hourly ones and the transitions for the retention. A pruned
 * object keeps the transition that gives its colour at the cut, so its strip still starts right.
 *
 * <p>The current colour of every object is also held in memory (to write only changes and to
 * answer {@link #changedAt} without a query), loaded from the store at open.
 *
 * <p>Thread safety: every method may be called from any thread (the store serialises SQL); reads
 * are single indexed queries, quick enough for a background task but not meant for the FX thread.
 * Pruning runs on the history's own daemon thread, at open and every {@link
 * HistoryOptions#pruneEvery}.
 */
public final class HealthHistoryStore implements HealthRecorder.Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHistoryStore.class);
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration QUARTER = Duration.ofMinutes(15);
    static final Duration HOUR = Duration.ofHours(1);
    private static final List<Duration> WIDTHS = List.of(MINUTE, QUARTER, HOUR);
    private static final int MAX_POINTS = 720;
    private static final String GONE = "no longer on the master";

    /** An object's colour now and since when (epoch millis). */
    private record Current(Health.Level level, long sinceMillis) {}

    private final HealthHistoryDao dao;
    private final String profile;
    // the retention can change while open (a setting); read by the pruning thread
    private volatile HistoryOptions options;
    private final Clock clock;
    private final Map<ObjectRef, Current> current;
    private final ScheduledExecutorService pruner;

    private HealthHistoryStore(
            HealthHistoryDao dao,
            String profile,
            HistoryOptions options,
            Clock clock,
            Map<ObjectRef, Current> current) {
        this.dao = dao;
        this.profile = profile;
        this.options = options;
        this.clock = clock;
        this.current = current;
        this.pruner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slapdesk-history-prune-" + profile);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the history of {@code profile} in {@code store} and starts its pruning. */
    public static HealthHistoryStore open(AppStore store, String profile, HistoryOptions options, Clock clock) {
        HealthHistoryDao dao = store.healthHistory();
        Map<ObjectRef, Current> current = new HashMap<>();
        dao.latest(profile)
                .forEach((ref, row) -> current.put(
                        ref, new Current(row.health().level(), row.at().toEpochMilli())));
        HealthHistoryStore history = new HealthHistoryStore(dao, profile, options, clock, current);
        history.pruner.scheduleAtFixedRate(
                history::pruneQuietly, 0, options.pruneEvery().toMillis(), TimeUnit.MILLISECONDS);
        return history;
    }

    /** Records one complete refresh: a transition row per object whose colour changed, and the counts. */
    @Override
    public void record(FleetSnapshot snapshot, Instant at) {
        Map<ObjectRef.Kind, Map<String, ? extends Tracked<?>>> byKind = new EnumMap<>(ObjectRef.Kind.class);
        byKind.put(ObjectRef.Kind.NODE, snapshot.nodes());
        byKind.put(ObjectRef.Kind.SOFTWARE_INSTALLATION, snapshot.installations());
        byKind.put(ObjectRef.Kind.INSTANCE, snapshot.instances());
        byKind.put(ObjectRef.Kind.INSTANCE_TREE, snapshot.services());
        List<TransitionRow> rows = new ArrayList<>();
        Map<ObjectRef.Kind, LevelCounts> counts = new EnumMap<>(ObjectRef.Kind.class);
        synchronized (current) {
            Set<ObjectRef> seen = new HashSet<>();
            byKind.forEach((kind, objects) -> {
                LevelCounts n = LevelCounts.NONE;
                for (Map.Entry<String, ? extends Tracked<?>> e : objects.entrySet()) {
                    ObjectRef ref = new ObjectRef(kind, e.getKey());
                    Health health = e.getValue().health();
                    n = n.plus(health.level());
                    seen.add(ref);
                    change(ref, health, at, rows);
                }
                counts.put(kind, n);
            });
            removeUnseen(ref -> ref.kind() != ObjectRef.Kind.PROMISE && !seen.contains(ref), at, rows);
        }
        dao.record(profile, rows, counts, at, WIDTHS);
    }

    /**
     * Records the promises read at {@code at}: a transition per promise whose status changed, and
     * the counts of kind PROMISE. A service whose monitor could not be read keeps its promises'
     * last colours; a promise a readable monitor no longer lists is removed.
     */
    public void recordPromises(Collection<ServicePromises> promises, Instant at) {
        List<TransitionRow> rows = new ArrayList<>();
        Map<ObjectRef.Kind, LevelCounts> counts = new EnumMap<>(ObjectRef.Kind.class);
        synchronized (current) {
            Set<ObjectRef> seen = new HashSet<>();
            Set<String> readable = new HashSet<>();
            for (ServicePromises service : promises) {
                if (service.problem().isPresent()) {
                    continue;
                }
                readable.add(service.serviceTitle() + "/");
                for (PromiseResult promise : service.promises()) {
                    ObjectRef ref = promise.ref(service.serviceTitle());
                    seen.add(ref);
                    String text = promise.message().isEmpty() ? promise.status().name() : promise.message();
                    change(ref, new Health(promise.status().level(), text), at, rows);
                }
            }
            removeUnseen(
                    ref -> ref.kind() == ObjectRef.Kind.PROMISE
                            && !seen.contains(ref)
                            && readable.stream().anyMatch(ref.reference()::startsWith),
                    at,
                    rows);
            LevelCounts n = LevelCounts.NONE;
            for (Map.Entry<ObjectRef, Current> e : current.entrySet()) {
                if (e.getKey().kind() == ObjectRef.Kind.PROMISE) {
                    n = n.plus(e.getValue().level());
                }
            }
            counts.put(ObjectRef.Kind.PROMISE, n);
        }
        dao.record(profile, rows, counts, at, WIDTHS);
    }

    private void change(ObjectRef ref, Health health, Instant at, List<TransitionRow> rows) {
        Current was = current.get(ref);
        if (was == null || was.level() != health.level()) {
            current.put(ref, new Current(health.level(), at.toEpochMilli()));
            rows.add(new TransitionRow(ref, at, health, false));
        }
    }

    private void removeUnseen(Predicate<ObjectRef> gone, Instant at, List<TransitionRow> rows) {
        Iterator<ObjectRef> it = current.keySet().iterator();
        while (it.hasNext()) {
            ObjectRef ref = it.next();
            if (gone.test(ref)) {
                it.remove();
                rows.add(new TransitionRow(ref, at, Health.grey(GONE), true));
            }
        }
    }

    /**
     * Objects of {@code kind} per colour over {@code range}, oldest bucket first: 1-minute
     * buckets for ranges up to 12 hours, 15-minute up to 7 days, 1-hour beyond (so an hour is 60
     * points, a day 96, a week 672, 30 days 720), coarser when the finer buckets of that time
     * are already pruned. Buckets in which nothing was recorded are absent.
     */
    public List<ColourCounts> counts(ObjectRef.Kind kind, TimeRange range) {
        return dao.counts(profile, kind, widthFor(range), range);
    }

    Duration widthFor(TimeRange range) {
        Instant now = clock.instant();
        for (Duration width : List.of(MINUTE, QUARTER)) {
            boolean fewPoints = range.length().toMillis() / width.toMillis() <= MAX_POINTS;
            boolean stillKept = !range.from().isBefore(now.minus(kept(width)));
            if (fewPoints && stillKept) {
                return width;
            }
        }
        return HOUR;
    }

    private Duration kept(Duration width) {
        if (width.equals(MINUTE)) {
            return Duration.ofDays(2);
        }
        if (width.equals(QUARTER)) {
            return Duration.ofDays(8);
        }
        return options.retention();
    }

    /**
     * The colours of one object over {@code range}, oldest first, each span clipped to the
     * range; the last span ends at {@code range.to()} while the colour still holds. Empty when the
     * object was never recorded before {@code range.to()}.
     */
    public List<HealthSpan> strip(ObjectRef object, TimeRange range) {
        List<TransitionRow> rows = dao.transitions(profile, object, range);
        List<HealthSpan> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TransitionRow row = rows.get(i);
            if (row.removed()) {
                continue;
            }
            Instant from = row.at().isBefore(range.from()) ? range.from() : row.at();
            Instant to = i + 1 < rows.size() ? rows.get(i + 1).at() : range.to();
            if (from.isBefore(to)) {
                out.add(new HealthSpan(from, to, row.health()));
            }
        }
        return out;
    }

    /** When the object's current colour started, as recorded; empty if never recorded. */
    public Optional<Instant> changedAt(ObjectRef object) {
        synchronized (current) {
            Current now = current.get(object);
            return now == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(now.sinceMillis()));
        }
    }

    /** How many objects the history follows now (memory use grows with it). */
    public int trackedObjects() {
        synchronized (current) {
            return current.size();
        }
    }

    /** Keeps what is recorded for {@code retention} from now on, and prunes once in the background. */
    public void useRetention(Duration retention) {
        options = options.withRetention(retention);
        pruner.execute(this::pruneQuietly);
    }

    /** Deletes what is older than the retention now, in batches; returns the rows deleted. */
    public int prune() {
        HistoryOptions options = this.options;
        Instant now = clock.instant();
        int deleted = 0;
        int batch;
        do {
            batch = dao.pruneTransitions(profile, now.minus(options.retention()), options.pruneBatch());
            deleted += batch;
        } while (batch == options.pruneBatch());
        for (Duration width : WIDTHS) {
            do {
                batch = dao.pruneCounts(profile, width, now.minus(kept(width)), options.pruneBatch());
                deleted += batch;
            } while (batch == options.pruneBatch());
        }
        return deleted;
    }

    private void pruneQuietly() {
        try {
            int deleted = prune();
            LOG.debug("pruned {} health history rows of {}", deleted, profile);
        } catch (RuntimeException e) {
            LOG.warn("could not prune the health history of {}: {}", profile, e.getMessage());
        }
    }

    /** Stops the pruning thread; the store stays open (it is the caller's). */
    @Override
    public void close() {
        pruner.shutdownNow();
    }
}
