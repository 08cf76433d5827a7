package org.slapdesk.core.monitor;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.RefreshProgress;

/**
 * One profile's fleet state as its metrics see it: the fleet, the promises last read and how its
 * refreshes went. Either it refreshes the fleet itself ({@link #refresh}), or whoever refreshes
 * tells it ({@link #refreshed}, {@link #usePromises}).
 */
public final class MonitoredFleet implements AutoCloseable {

    private final String profile;
    private final FleetState fleet;
    private final Optional<InstanceMonitors> monitors;
    private volatile Map<String, ServicePromises> promises = Map.of();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Duration> lastDuration = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<RefreshProgress> lastFinished = new AtomicReference<>(RefreshProgress.notStarted());

    public MonitoredFleet(String profile, FleetState fleet) {
        this(profile, fleet, Optional.empty());
    }

    /** With {@code monitors}: each complete refresh also reads the services' instance monitors. */
    public MonitoredFleet(String profile, FleetState fleet, Optional<InstanceMonitors> monitors) {
        this.profile = profile;
        this.fleet = fleet;
        this.monitors = monitors;
    }

    public String profile() {
        return profile;
    }

    public FleetState fleet() {
        return fleet;
    }

    /** Refreshes once; a FAILED or PARTIAL refresh counts as a failure. */
    public RefreshProgress refresh() throws InterruptedException {
        long start = System.nanoTime();
        RefreshProgress done = fleet.refresh();
        refreshed(done, Duration.ofNanos(System.nanoTime() - start));
        if (done.phase() == RefreshProgress.Phase.COMPLETE && monitors.isPresent()) {
            usePromises(monitors.get().read(fleet.snapshot()));
        }
        return done;
    }

    /**
     * A refresh ended after {@code took}; a FAILED or PARTIAL one counts as a failure. A
     * cancelled one is not an end: what the last finished refresh read stays what is reported.
     */
    public void refreshed(RefreshProgress done, Duration took) {
        if (done.phase() == RefreshProgress.Phase.CANCELLED || done.isRunning()) {
            return;
        }
        lastDuration.set(took);
        lastFinished.set(done);
        if (done.phase() == RefreshProgress.Phase.FAILED || done.phase() == RefreshProgress.Phase.PARTIAL) {
            failures.incrementAndGet();
        }
    }

    /** What the instance monitors said, keyed by service title. */
    public void usePromises(Map<String, ServicePromises> read) {
        promises = Map.copyOf(read);
    }

    /** What the instance monitors said at the last complete refresh, keyed by service title. */
    public Map<String, ServicePromises> promises() {
        return promises;
    }

    public long failures() {
        return failures.get();
    }

    /** How many nodes the last complete, partial or failed refresh read (0 before any). */
    public int nodesRead() {
        return lastFinished.get().nodesRead();
    }

    public Duration lastDuration() {
        return lastDuration.get();
    }

    /** Closes the fleet state and the monitor reader: only for the owner of the fleet. */
    @Override
    public void close() {
        monitors.ifPresent(InstanceMonitors::close);
        fleet.close();
    }
}
