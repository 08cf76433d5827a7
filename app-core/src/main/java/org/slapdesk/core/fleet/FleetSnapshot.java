package org.slapdesk.core.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * An immutable view of the fleet after one refresh. Keys: a node's reference; a partition's
 * {@link #partitionKey}; an installation's {@link #installationKey}; a service's title.
 * {@code complete} is false when some nodes could not be read (they keep their previous rows).
 */
public record FleetSnapshot(
        Map<String, Tracked<ComputeNode>> nodes,
        Map<String, Tracked<ComputePartition>> partitions,
        Map<String, Tracked<SoftwareInstallation>> installations,
        Map<String, Tracked<InstanceTree>> services,
        Optional<Instant> readAt,
        boolean complete) {

    public FleetSnapshot {
        nodes = Map.copyOf(nodes);
        partitions = Map.copyOf(partitions);
        installations = Map.copyOf(installations);
        services = Map.copyOf(services);
        readAt = readAt == null ? Optional.empty() : readAt;
    }

    public static FleetSnapshot empty() {
        return new FleetSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), Optional.empty(), false);
    }

    public static String partitionKey(String nodeReference, String partitionReference) {
        return nodeReference + "/" + partitionReference;
    }

    public static String installationKey(String nodeReference, String softwareReleaseUrl) {
        return nodeReference + " " + softwareReleaseUrl;
    }

    /** The instances: busy partitions keyed by the title of the instance they hold. */
    public Map<String, Tracked<ComputePartition>> instances() {
        Map<String, Tracked<ComputePartition>> out = new LinkedHashMap<>();
        partitions.values().forEach(p -> {
            if (p.value().state() == PartitionState.BUSY
                    && p.value().instanceTitle().isPresent()) {
                out.put(p.value().instanceTitle().get(), p);
            }
        });
        return out;
    }

    /** The rows of one kind, for code that handles the kinds alike (samples, diffs). */
    public Map<String, ? extends Tracked<?>> of(FleetKind kind) {
        return switch (kind) {
            case NODE -> nodes;
            case PARTITION -> partitions;
            case SOFTWARE_INSTALLATION -> installations;
            case INSTANCE_TREE -> services;
        };
    }
}
