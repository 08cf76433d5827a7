package org.slapdesk.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.monitor.InstanceMonitors;
import org.slapdesk.core.monitor.ServicePromises;

/** One profile's fleet state as the monitor refreshes it, with what its scrape-health metrics need. */
final class MonitoredFleet implements AutoCloseable {

    private final String profile;
    private final FleetState fleet;
    private final Optional<InstanceMonitors> monitors;
    private volatile Map<String, ServicePromises> promises = Map.of();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Duration> lastDuration = new AtomicReference<>(Duration.ZERO);

    MonitoredFleet(String profile, FleetState fleet) {
        this(profile, fleet, Optional.empty());
    }

    /** With {@code monitors}: each complete refresh also reads the services' instance monitors. */
    MonitoredFleet(String profile, FleetState fleet, Optional<InstanceMonitors> monitors) {
        this.profile = profile;
        this.fleet = fleet;
        this.monitors = monitors;
    }

    String profile() {
        return profile;
    }

    FleetState fleet() {
        return fleet;
    }

    /** Refreshes once; a FAILED or PARTIAL refresh counts as a failure. */
    RefreshProgress refresh() throws InterruptedException {
        long start = System.nanoTime();
        RefreshProgress done = fleet.refresh();
        lastDuration.set(Duration.ofNanos(System.nanoTime() - start));
        if (done.phase() == RefreshProgress.Phase.FAILED || done.phase() == RefreshProgress.Phase.PARTIAL) {
            failures.incrementAndGet();
        }
        if (done.phase() == RefreshProgress.Phase.COMPLETE && monitors.isPresent()) {
            promises = Map.copyOf(monitors.get().read(fleet.snapshot()));
        }
        return done;
    }

    /** What the instance monitors said at the last complete refresh, keyed by service title. */
    Map<String, ServicePromises> promises() {
        return promises;
    }

    long failures() {
        return failures.get();
    }

    Duration lastDuration() {
        return lastDuration.get();
    }

    @Override
    public void close() {
        monitors.ifPresent(InstanceMonitors::close);
        fleet.close();
    }
}
