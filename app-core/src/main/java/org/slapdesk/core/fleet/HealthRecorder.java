package org.slapdesk.core.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.health.HealthHistory;
import org.slapdesk.core.health.HealthSample;
import org.slapdesk.core.store.HealthSampleDao;

/**
 * Where a complete refresh leaves one health sample per node, installation, instance and
 * service: the in-memory history for charts, the store for history across restarts, or both.
 */
public final class HealthRecorder {

    /** Receives each complete refresh (e.g. {@code org.slapdesk.core.monitor.HealthHistoryStore}). */
    @FunctionalInterface
    public interface Sink {
        void record(FleetSnapshot snapshot, Instant at);
    }

    private final Optional<HealthSampleDao> store;
    private final Optional<HealthHistory> history;

    private HealthRecorder(Optional<HealthSampleDao> store, Optional<HealthHistory> history) {
        this.store = store;
        this.history = history;
    }

    public static HealthRecorder none() {
        return new HealthRecorder(Optional.empty(), Optional.empty());
    }

    public static HealthRecorder to(HealthSampleDao store) {
        return new HealthRecorder(Optional.of(store), Optional.empty());
    }

    public static HealthRecorder to(HealthSampleDao store, HealthHistory history) {
        return new HealthRecorder(Optional.of(store), Optional.of(history));
    }

    void record(FleetSnapshot snapshot, Instant at) {
        if (store.isEmpty() && history.isEmpty()) {
            return;
        }
        List<HealthSample> samples = samples(snapshot, at);
        store.ifPresent(s -> s.saveAll(samples));
        history.ifPresent(h -> samples.forEach(h::record));
    }

    static List<HealthSample> samples(FleetSnapshot snapshot, Instant at) {
        List<HealthSample> out = new ArrayList<>();
        snapshot.nodes().forEach((key, n) -> out.add(sample(at, FleetKind.NODE, key, n)));
        snapshot.installations().forEach((key, s) -> out.add(sample(at, FleetKind.SOFTWARE_INSTALLATION, key, s)));
        snapshot.instances().forEach((title, p) -> out.add(sample(at, FleetKind.PARTITION, title, p)));
        snapshot.services().forEach((title, t) -> out.add(sample(at, FleetKind.INSTANCE_TREE, title, t)));
        return out;
    }

    private static HealthSample sample(Instant at, FleetKind kind, String reference, Tracked<?> tracked) {
        return new HealthSample(at, new HealthSample.ObjectRef(kind.sampleKind(), reference), tracked.health());
    }
}
