package org.slapdesk.cli;

import java.util.Comparator;
import java.util.List;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.Retry;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.InstanceTree;

/**
 * The listings of {@code slapdesk master} read only what they print: the master's node search
 * for {@code nodes}, its service search for {@code services}, as {@code slapos computer list}
 * and {@code slapos service list} do. Neither prints health, so neither reads partitions or
 * installations (the window's fleet state does, for its colours). A busy master is asked again
 * with the fleet state's back-off; any other failure is the master's own error.
 */
final class FleetListing {

    private FleetListing() {}

    static List<ComputeNode> nodes(Master master) throws MasterException, InterruptedException {
        return retry().call(master::nodes, CancellationToken.none()).stream()
                .sorted(Comparator.comparing(ComputeNode::reference))
                .toList();
    }

    static List<InstanceTree> services(Master master) throws MasterException, InterruptedException {
        return retry().call(master::services, CancellationToken.none()).stream()
                .sorted(Comparator.comparing(InstanceTree::title))
                .toList();
    }

    private static Retry retry() {
        return new Retry(FleetOptions.defaults().backoff(), Retry.Sleeper.real());
    }
}
