package org.slapdesk.core.master;

import java.util.List;
import java.util.Set;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * What changed in a fleet after a {@link ChangeMark}: the rows written since (whole, as a full
 * read gives them), the keys of the rows removed since, and the mark to ask from next time. A
 * removed node takes its partitions and installations with it.
 */
public record FleetChanges(
        ChangeMark mark,
        List<ComputeNode> nodes,
        Set<String> removedNodes,
        List<ComputePartition> partitions,
        List<RemovedRow> removedPartitions,
        List<SoftwareInstallation> installations,
        List<RemovedRow> removedInstallations,
        List<InstanceTree> services,
        Set<String> removedServices) {

    public FleetChanges {
        nodes = List.copyOf(nodes);
        removedNodes = Set.copyOf(removedNodes);
        partitions = List.copyOf(partitions);
        removedPartitions = List.copyOf(removedPartitions);
        installations = List.copyOf(installations);
        removedInstallations = List.copyOf(removedInstallations);
        services = List.copyOf(services);
        removedServices = Set.copyOf(removedServices);
    }

    /** How many rows this carries, written and removed: what the read cost. */
    public int size() {
        return nodes.size()
                + removedNodes.size()
                + partitions.size()
                + removedPartitions.size()
                + installations.size()
                + removedInstallations.size()
                + services.size()
                + removedServices.size();
    }
}
