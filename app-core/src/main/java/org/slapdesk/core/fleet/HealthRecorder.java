package org.slapdesk.core.fleet;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a complete refresh is handed for the health history ({@code
 * org.slapdesk.core.monitor.HealthHistoryStore}), or nowhere.
 */
public final class HealthRecorder {

    /** Receives each complete refresh, on the refresh's thread. */
    @FunctionalInterface
    public interface Sink {
        void record(FleetSnapshot snapshot, Instant at);
    }

    private final Optional<Sink> sink;

    private HealthRecorder(Optional<Sink> sink) {
        this.sink = sink;
    }

    public static HealthRecorder none() {
        return new HealthRecorder(Optional.empty());
    }

    public static HealthRecorder to(Sink sink) {
        return new HealthRecorder(Optional.of(sink));
    }

    void record(FleetSnapshot snapshot, Instant at) {
        sink.ifPresent(s -> s.record(snapshot, at));
    }
}
