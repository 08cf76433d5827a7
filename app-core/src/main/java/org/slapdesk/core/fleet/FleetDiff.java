package org.slapdesk.core.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What changed between two snapshots: the changes and the colour transitions, kind by kind. */
public record FleetDiff(List<FleetChange> changes, List<HealthTransition> transitions) {

    public FleetDiff {
        changes = List.copyOf(changes);
        transitions = List.copyOf(transitions);
    }

    public static FleetDiff between(FleetSnapshot before, FleetSnapshot after) {
        List<FleetChange> changes = new ArrayList<>();
        List<HealthTransition> transitions = new ArrayList<>();
        for (FleetKind kind : FleetKind.values()) {
            compare(kind, before.of(kind), after.of(kind), changes, transitions);
        }
        return new FleetDiff(changes, transitions);
    }

    /**
     * The diff where only the keys in {@code keys} can differ for the kinds it names (the rows a
     * read of changes touched); the other kinds are compared whole. Gives what {@link #between}
     * gives at the cost of the keys named, not of the fleet.
     */
    public static FleetDiff between(FleetSnapshot before, FleetSnapshot after, Map<FleetKind, Set<String>> keys) {
        List<FleetChange> changes = new ArrayList<>();
        List<HealthTransition> transitions = new ArrayList<>();
        for (FleetKind kind : FleetKind.values()) {
            Set<String> only = keys.get(kind);
            if (only == null) {
                compare(kind, before.of(kind), after.of(kind), changes, transitions);
                continue;
            }
            for (String key : only) {
                compareKey(kind, key, before.of(kind).get(key), after.of(kind).get(key), changes, transitions);
            }
        }
        return new FleetDiff(changes, transitions);
    }

    private static void compareKey(
            FleetKind kind,
            String key,
            Tracked<?> was,
            Tracked<?> now,
            List<FleetChange> changes,
            List<HealthTransition> transitions) {
        if (was == null && now == null) {
            return;
        }
        if (was == null) {
            changes.add(new FleetChange(kind, FleetChange.Type.ADDED, key, Optional.empty(), Optional.of(now)));
        } else if (now == null) {
            changes.add(new FleetChange(kind, FleetChange.Type.REMOVED, key, Optional.of(was), Optional.empty()));
        } else if (!was.value().equals(now.value())
                || was.health().level() != now.health().level()) {
            changes.add(new FleetChange(kind, FleetChange.Type.CHANGED, key, Optional.of(was), Optional.of(now)));
            if (was.health().level() != now.health().level()) {
                transitions.add(new HealthTransition(kind, key, was.health(), now.health()));
            }
        }
    }

    private static void compare(
            FleetKind kind,
            Map<String, ? extends Tracked<?>> before,
            Map<String, ? extends Tracked<?>> after,
            List<FleetChange> changes,
            List<HealthTransition> transitions) {
        after.forEach((key, now) -> {
            Tracked<?> was = before.get(key);
            if (was == null) {
                changes.add(new FleetChange(kind, FleetChange.Type.ADDED, key, Optional.empty(), Optional.of(now)));
            } else if (!was.value().equals(now.value())
                    || was.health().level() != now.health().level()) {
                // a reason alone ("contacted 12 s ago") changes at every read: not a change
                changes.add(new FleetChange(kind, FleetChange.Type.CHANGED, key, Optional.of(was), Optional.of(now)));
                if (was.health().level() != now.health().level()) {
                    transitions.add(new HealthTransition(kind, key, was.health(), now.health()));
                }
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                changes.add(new FleetChange(kind, FleetChange.Type.REMOVED, key, Optional.of(was), Optional.empty()));
            }
        });
    }
}
