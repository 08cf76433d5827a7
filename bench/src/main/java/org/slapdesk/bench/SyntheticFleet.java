package org.slapdesk.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * A fleet made up for the history benchmark: nodes, one installation per node, busy partitions
 * and services, each with a colour; {@link #change} flips a share of them between green and
 * red (a few yellow) as a refresh would see it.
 */
final class SyntheticFleet {

    private static final String SR = "https://lab.example/software/bench.cfg";
    private static final Health GREEN = Health.green("fine");
    private static final Health RED = Health.red("#error while instanciating: synthetic failure");
    private static final Health YELLOW = Health.yellow("No contact from the node for 4 minutes");

    private final Map<String, Tracked<ComputeNode>> nodes = new HashMap<>();
    private final Map<String, Tracked<SoftwareInstallation>> installations = new HashMap<>();
    private final Map<String, Tracked<ComputePartition>> partitions = new HashMap<>();
    private final Map<String, Tracked<InstanceTree>> services = new HashMap<>();
    private final List<String> nodeKeys;
    private final List<String> partitionKeys;
    private final List<String> serviceKeys;
    private final SplittableRandom random = new SplittableRandom(12);

    SyntheticFleet(int nodeCount, int partitionsPerNode, int serviceCount, Instant at) {
        AccessStatus ok = new AccessStatus("#access ok", at, at);
        for (int n = 0; n < nodeCount; n++) {
            String node = "COMP-" + n;
            nodes.put(node, new Tracked<>(new ComputeNode(node, node, Optional.of(ok)), GREEN));
            installations.put(
                    FleetSnapshot.installationKey(node, SR),
                    new Tracked<>(new SoftwareInstallation(SR, node, "available", Optional.of(ok)), GREEN));
            for (int p = 0; p < partitionsPerNode; p++) {
                String reference = "slappart" + p;
                ComputePartition partition = new ComputePartition(
                        reference,
                        node,
                        PartitionState.BUSY,
                        Optional.of("instance-" + n + "-" + p),
                        Optional.of(SR),
                        Optional.of(RequestedState.STARTED),
                        Optional.of(ok));
                partitions.put(FleetSnapshot.partitionKey(node, reference), new Tracked<>(partition, GREEN));
            }
        }
        for (int s = 0; s < serviceCount; s++) {
            String title = "service-" + s;
            services.put(
                    title,
                    new Tracked<>(
                            new InstanceTree(
                                    title,
                                    SR,
                                    Optional.empty(),
                                    Optional.of(RequestedState.STARTED),
                                    false,
                                    Optional.of(ok)),
                            GREEN));
        }
        nodeKeys = List.copyOf(nodes.keySet());
        partitionKeys = List.copyOf(partitions.keySet());
        serviceKeys = List.copyOf(services.keySet());
    }

    int objects() {
        return nodes.size() + installations.size() + partitions.size() + services.size();
    }

    /** Changes the colour of {@code share} of the objects (mostly partitions, as in a real fleet). */
    void change(double share) {
        int count = (int) Math.round(objects() * share);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(100);
            if (pick < 5) {
                flip(nodes, nodeKeys.get(random.nextInt(nodeKeys.size())), true);
            } else if (pick < 10) {
                flip(services, serviceKeys.get(random.nextInt(serviceKeys.size())), false);
            } else {
                flip(partitions, partitionKeys.get(random.nextInt(partitionKeys.size())), false);
            }
        }
    }

    private <T> void flip(Map<String, Tracked<T>> map, String key, boolean mayBeYellow) {
        Tracked<T> now = map.get(key);
        Health next = now.health().level() == Health.Level.GREEN ? (mayBeYellow ? YELLOW : RED) : GREEN;
        map.put(key, new Tracked<>(now.value(), next));
    }

    FleetSnapshot snapshot(Instant at) {
        return new FleetSnapshot(nodes, partitions, installations, services, Optional.of(at), true);
    }

    /** A random object reference, for transitions written straight to the store. */
    ObjectRef randomRef() {
        int pick = random.nextInt(100);
        if (pick < 5) {
            return new ObjectRef(ObjectRef.Kind.NODE, nodeKeys.get(random.nextInt(nodeKeys.size())));
        }
        if (pick < 10) {
            return new ObjectRef(ObjectRef.Kind.INSTANCE_TREE, serviceKeys.get(random.nextInt(serviceKeys.size())));
        }
        String key = partitionKeys.get(random.nextInt(partitionKeys.size()));
        return new ObjectRef(
                ObjectRef.Kind.INSTANCE,
                partitions.get(key).value().instanceTitle().orElseThrow());
    }

    boolean coin() {
        return random.nextBoolean();
    }
}
