package org.slapdesk.core.health;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last samples of each object, in memory, oldest first. Each object keeps at most
 * {@code perObject} samples and at most {@code maxObjects} objects are tracked (the one sampled
 * least recently is dropped first). Safe to use from a poller thread and the GUI thread.
 *
 * <p>The fleet state ({@code org.slapdesk.core.fleet.FleetState}) records into it after each
 * complete refresh, and persists the same samples through {@link org.slapdesk.core.store.HealthSampleDao}.
 */
public final class HealthHistory {

    private final int perObject;
    private final int maxObjects;
    /** In the order objects were last sampled, least recent first. */
    private final LinkedHashMap<HealthSample.ObjectRef, Deque<HealthSample>> samples = new LinkedHashMap<>();

    public HealthHistory(int perObject, int maxObjects) {
        if (perObject < 1 || maxObjects < 1) {
            throw new IllegalArgumentException("a health history needs room for at least one sample and one object");
        }
        this.perObject = perObject;
        this.maxObjects = maxObjects;
    }

    public synchronized void record(HealthSample sample) {
        Deque<HealthSample> list = samples.get(sample.object());
        if (list != null && !list.isEmpty() && list.peekLast().at().isAfter(sample.at())) {
            throw new IllegalArgumentException("sample for " + sample.object() + " at " + sample.at()
                    + " is older than the last one recorded (" + list.peekLast().at() + ")");
        }
        if (list == null) {
            list = new ArrayDeque<>();
        }
        samples.remove(sample.object());
        samples.put(sample.object(), list);
        list.addLast(sample);
        while (list.size() > perObject) {
            list.removeFirst();
        }
        while (samples.size() > maxObjects) {
            samples.remove(samples.keySet().iterator().next());
        }
    }

    public void record(Instant at, HealthSample.ObjectRef object, Health health) {
        record(new HealthSample(at, object, health));
    }

    /** The samples of one object, oldest first. */
    public synchronized List<HealthSample> samples(HealthSample.ObjectRef object) {
        Deque<HealthSample> list = samples.get(object);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The samples of one object taken at or after {@code from}. */
    public synchronized List<HealthSample> samplesSince(HealthSample.ObjectRef object, Instant from) {
        return samples(object).stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    public synchronized Optional<HealthSample> latest(HealthSample.ObjectRef object) {
        Deque<HealthSample> list = samples.get(object);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.peekLast());
    }

    /** Only the samples where the colour changed (the first one included): the story of an object. */
    public synchronized List<HealthSample> changes(HealthSample.ObjectRef object) {
        List<HealthSample> out = new ArrayList<>();
        for (HealthSample s : samples(object)) {
            if (out.isEmpty()
                    || out.get(out.size() - 1).health().level() != s.health().level()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The latest colour of every tracked object. */
    public synchronized Map<HealthSample.ObjectRef, Health> current() {
        Map<HealthSample.ObjectRef, Health> out = new LinkedHashMap<>();
        samples.forEach((ref, list) -> out.put(ref, list.peekLast().health()));
        return out;
    }

    public synchronized int objectCount() {
        return samples.size();
    }
}
