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
import org.slapdesk.core.master.FleetChanges;
import org.slapdesk.core.master.RemovedRow;
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

    /**
     * A builder holding {@code previous}'s nodes, partitions and installations, for {@link #apply}.
     * Its services are to be given again ({@link #services}): their colours depend on the time.
     */
    static SnapshotBuilder from(FleetSnapshot previous, HealthRules rules, AwaitedReports awaited) {
        SnapshotBuilder builder = new SnapshotBuilder(rules, awaited);
        builder.nodes.putAll(previous.nodes());
        builder.partitions.putAll(previous.partitions());
        builder.installations.putAll(previous.installations());
        return builder;
    }

    /**
     * Applies what changed since the held rows were read: removals first (a row removed then
     * written again is present), then the written rows. Every node is rated again, changed or not:
     * a node's colour depends on how long ago it called, so a silent one turns yellow then red
     * without any change. A partition's or installation's colour depends on its row alone.
     */
    SnapshotBuilder apply(FleetChanges changes) {
        Set<String> goneNodes = changes.removedNodes();
        if (!goneNodes.isEmpty()) {
            nodes.keySet().removeAll(goneNodes);
            partitions.values().removeIf(p -> goneNodes.contains(p.value().computeNodeReference()));
            installations.values().removeIf(i -> goneNodes.contains(i.value().computeNodeReference()));
        }
        for (RemovedRow gone : changes.removedPartitions()) {
            partitions.remove(FleetSnapshot.partitionKey(gone.nodeReference(), gone.reference()));
        }
        for (RemovedRow gone : changes.removedInstallations()) {
            installations.remove(FleetSnapshot.installationKey(gone.nodeReference(), gone.reference()));
        }
        for (ComputeNode node : changes.nodes()) {
            nodes.put(node.reference(), new Tracked<>(node, rules.node(node.status())));
        }
        for (ComputePartition p : changes.partitions()) {
            partitions.put(
                    FleetSnapshot.partitionKey(p.computeNodeReference(), p.reference()),
                    new Tracked<>(p, partitionHealth(p)));
        }
        for (SoftwareInstallation s : changes.installations()) {
            installations.put(
                    FleetSnapshot.installationKey(s.computeNodeReference(), s.softwareReleaseUrl()),
                    new Tracked<>(s, rules.softwareInstallation(s.status())));
        }
        nodes.replaceAll((reference, node) ->
                new Tracked<>(node.value(), rules.node(node.value().status())));
        return this;
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

    int nodeCount() {
        return nodes.size();
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
