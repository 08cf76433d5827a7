package org.slapdesk.core.monitor;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.health.HealthSpan;
import org.slapdesk.core.health.TimeRange;
import org.slapdesk.core.store.AppStore;

/**
 * The health history of one profile, in the application's database: per object only its colour
 * changes (transitions), and per kind the number of objects of each colour per time bucket, so
 * charts read a few hundred points whatever the fleet size. See docs/monitoring.md (history).
 *
 * <p>Thread safety: every method may be called from any thread (the store serialises SQL); reads
 * are single indexed queries, quick enough for a background task but not meant for the FX thread.
 * Pruning runs on the history's own daemon thread, at open and every {@link
 * HistoryOptions#pruneEvery}.
 */
public final class HealthHistoryStore implements HealthRecorder.Sink, AutoCloseable {

    /** Opens the history of {@code profile} in {@code store} and starts its pruning. */
    public static HealthHistoryStore open(AppStore store, String profile, HistoryOptions options, Clock clock) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Records one complete refresh: a transition row per object whose colour changed, and the counts. */
    @Override
    public void record(FleetSnapshot snapshot, Instant at) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Records the promises read at {@code at}: a transition per promise whose status changed, and the counts. */
    public void recordPromises(Collection<ServicePromises> promises, Instant at) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Objects of {@code kind} per colour over {@code range}, oldest bucket first: 1-minute
     * buckets for ranges up to 12 hours, 15-minute up to 7 days, 1-hour beyond (so an hour is 60
     * points, a day 96, a week 672, 30 days 720). Buckets in which nothing was recorded are absent.
     */
    public List<ColourCounts> counts(ObjectRef.Kind kind, TimeRange range) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * The colours of one object over {@code range}, oldest first, each span clipped to the
     * range; the last span ends at {@code range.to()} while the colour still holds. Empty when the
     * object was never recorded before {@code range.to()}.
     */
    public List<HealthSpan> strip(ObjectRef object, TimeRange range) {
        throw new UnsupportedOperationException("in progress");
    }

    /** When the object's current colour started, as recorded; empty if never recorded. */
    public Optional<Instant> changedAt(ObjectRef object) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Deletes what is older than the retention now, in batches; returns the rows deleted. */
    public int prune() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stops the pruning thread; the store stays open (it is the caller's). */
    @Override
    public void close() {}
}
