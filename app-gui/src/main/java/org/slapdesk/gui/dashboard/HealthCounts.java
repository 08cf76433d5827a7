package org.slapdesk.gui.dashboard;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;

/** How many objects of one kind are of each health colour. */
public record HealthCounts(Map<Health.Level, Integer> byLevel) {

    public HealthCounts {
        EnumMap<Health.Level, Integer> full = new EnumMap<>(Health.Level.class);
        for (Health.Level level : Health.Level.values()) {
            full.put(level, byLevel.getOrDefault(level, 0));
        }
        byLevel = Map.copyOf(full);
    }

    public static HealthCounts none() {
        return new HealthCounts(Map.of());
    }

    public static HealthCounts of(Collection<? extends Tracked<?>> objects) {
        return ofHealth(objects.stream().map(Tracked::health).toList());
    }

    public static HealthCounts ofHealth(Collection<Health> healths) {
        EnumMap<Health.Level, Integer> counts = new EnumMap<>(Health.Level.class);
        healths.forEach(h -> counts.merge(h.level(), 1, Integer::sum));
        return new HealthCounts(counts);
    }

    public int count(Health.Level level) {
        return byLevel.get(level);
    }

    public int total() {
        return byLevel.values().stream().mapToInt(Integer::intValue).sum();
    }
}
