package org.slapdesk.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.RefreshProgress;

/** One profile's fleet state as the monitor refreshes it, with what its scrape-health metrics need. */
final class MonitoredFleet implements AutoCloseable {

    private final String profile;
    private final FleetState fleet;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Duration> lastDuration = new AtomicReference<>(Duration.ZERO);

    MonitoredFleet(String profile, FleetState fleet) {
        this.profile = profile;
        this.fleet = fleet;
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
        return done;
    }

    long failures() {
        return failures.get();
    }

    Duration lastDuration() {
        return lastDuration.get();
    }

    @Override
    public void close() {
        fleet.close();
    }
}
