package org.slapdesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.InstanceTree;

/**
 * The listings of {@code slapdesk master} read the fleet as the window does: one refresh of a
 * fleet state, then print from its snapshot. A partial read still prints, with a warning saying
 * which part is missing; a master that cannot be listed fails with the master's own error.
 */
final class FleetListing {

    private final FleetSnapshot snapshot;

    private FleetListing(FleetSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    static FleetListing read(Master master, PrintWriter err) throws MasterException, InterruptedException {
        try (FleetState fleet = new FleetState(
                master, FleetOptions.defaults(), new HealthRules(Clock.systemUTC()), HealthRecorder.none())) {
            RefreshProgress done = fleet.refresh();
            switch (done.phase()) {
                case FAILED -> throw fleet.lastFailure().orElseThrow(() -> new IllegalStateException(done.describe()));
                case CANCELLED -> throw new CancellationException(done.describe());
                case PARTIAL -> {
                    err.println("slapdesk: warning: " + done.describe());
                    err.flush();
                }
                default -> {
                    // complete: nothing to say
                }
            }
            return new FleetListing(fleet.snapshot());
        }
    }

    List<ComputeNode> nodes() {
        return snapshot.nodes().values().stream()
                .map(Tracked::value)
                .sorted(Comparator.comparing(ComputeNode::reference))
                .toList();
    }

    List<InstanceTree> services() {
        return snapshot.services().values().stream()
                .map(Tracked::value)
                .sorted(Comparator.comparing(InstanceTree::title))
                .toList();
    }
}
