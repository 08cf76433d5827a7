package org.slapdesk.core.fleet;

import java.util.List;

/**
 * What one refresh changed, delivered as one batch so a window can apply it in one pulse: the
 * snapshot after the refresh, every added / changed / removed object and every colour change.
 */
public record FleetUpdate(
        FleetSnapshot snapshot,
        List<FleetChange> changes,
        List<HealthTransition> transitions,
        RefreshProgress progress) {
    public FleetUpdate {
        changes = List.copyOf(changes);
        transitions = List.copyOf(transitions);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && transitions.isEmpty();
    }
}
