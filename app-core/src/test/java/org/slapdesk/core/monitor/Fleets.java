package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.ComputeNode;

/** Snapshots made by hand for the history tests: nodes with the colours a test gives them. */
final class Fleets {

    private Fleets() {}

    static FleetSnapshot nodes(Instant at, Map<String, Health> colours) {
        Map<String, Tracked<ComputeNode>> nodes = new LinkedHashMap<>();
        colours.forEach((reference, health) ->
                nodes.put(reference, new Tracked<>(new ComputeNode(reference, reference, Optional.empty()), health)));
        return new FleetSnapshot(nodes, Map.of(), Map.of(), Map.of(), Optional.of(at), true);
    }
}
