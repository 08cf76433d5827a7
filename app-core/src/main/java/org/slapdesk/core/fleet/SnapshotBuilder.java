package org.slapdesk.core.fleet;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slapdesk.core.health.AwaitedReports;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * Turns what one refresh read into a snapshot with the dashboard's colours. A node that could
 * not be read keeps, from the previous snapshot, its row and those of its partitions and software.
 */
final class SnapshotBuilder {

    private final HealthRules rules;
    private final AwaitedReports awaited;
    private final Map<String, Tracked<ComputeNode>> nodes = new HashMap<>();
    private final Map<String, Tracked<ComputePartition>> partitions = new HashMap<>();
    private final Map<String, Tracked<SoftwareInstallation>> installations = new HashMap<>();
    private final Map<String, Tracked<InstanceTree>> services = new HashMap<>();

    SnapshotBuilder(HealthRules rules, AwaitedReports awaited) {
        this.rules = rules;
        this.awaited = awaited;
    }

    SnapshotBuilder node(ComputeNodeDetail detail) {
        ComputeNode node = detail.node();
        nodes.put(node.reference(), new Tracked<>(node, rules.node(node.status())));
        for (ComputePartition p : detail.partitions()) {
            partitions.put(
                    FleetSnapshot.partitionKey(node.reference(), p.reference()), new Tracked<>(p, partitionHealth(p)));
        }
        for (SoftwareInstallation s : detail.software()) {
            installations.put(
                    FleetSnapshot.installationKey(node.reference(), s.softwareReleaseUrl()),
                    new Tracked<>(s, rules.softwareInstallation(s.status())));
        }
        return this;
    }

    /** Keeps what {@code previous} held about the nodes that could not be read this time. */
    SnapshotBuilder keep(FleetSnapshot previous, Set<String> unreadNodes) {
        for (String reference : unreadNodes) {
            Tracked<ComputeNode> node = previous.nodes().get(reference);
            if (node != null) {
                nodes.put(reference, node);
            }
        }
        previous.partitions().forEach((key, p) -> {
            if (unreadNodes.contains(p.value().computeNodeReference())) {
                partitions.put(key, p);
            }
        });
        previous.installations().forEach((key, s) -> {
            if (unreadNodes.contains(s.value().computeNodeReference())) {
                installations.put(key, s);
            }
        });
        return this;
    }

    SnapshotBuilder services(List<InstanceTree> trees) {
        Map<String, ComputePartition> rootPartitions = new HashMap<>();
        partitions.values().forEach(p -> p.value().instanceTitle().ifPresent(t -> rootPartitions.put(t, p.value())));
        for (InstanceTree tree : trees) {
            services.put(tree.title(), new Tracked<>(tree, treeHealth(tree, rootPartitions.get(tree.title()))));
        }
        awaited.keepOnly(services.keySet());
        return this;
    }

    FleetSnapshot build(Instant readAt, boolean complete) {
        return new FleetSnapshot(nodes, partitions, installations, services, Optional.of(readAt), complete);
    }

    private Health partitionHealth(ComputePartition p) {
        if (p.state() != PartitionState.BUSY) {
            return Health.grey("Free partition");
        }
        return rules.instance(p.status(), false, p.requestedState().orElse(RequestedState.STARTED));
    }

    /** A tree's colour from its root instance, the one instance the fleet reads per service. */
    private Health treeHealth(InstanceTree tree, ComputePartition root) {
        RequestedState requested = tree.requestedState()
                .or(() -> root == null ? Optional.empty() : root.requestedState())
                .orElse(RequestedState.STARTED);
        if (root == null) {
            return rules.instanceTree(tree.shared(), requested, null);
        }
        Optional<Instant> waitingSince = Optional.empty();
        if (neverReported(root)) {
            waitingSince = Optional.of(awaited.waiting(tree.title(), rules.now()));
        } else {
            awaited.reported(tree.title());
        }
        return rules.instanceTree(tree.shared(), requested, List.of(root.status()), waitingSince);
    }

    private static boolean neverReported(ComputePartition partition) {
        return partition.status().isEmpty()
                || partition.status().get().text() == null
                || partition.status().get().text().isEmpty();
    }
}
