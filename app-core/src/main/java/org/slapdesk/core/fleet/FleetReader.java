package org.slapdesk.core.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.core.master.ChangeMark;
import org.slapdesk.core.master.FleetChanges;
import org.slapdesk.core.master.FleetRead;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.Retry;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * The master calls one refresh makes, each retried with back-off while the master is busy, and
 * their answers compacted (shared strings) before the fleet keeps them.
 */
final class FleetReader {

    private final Master master;
    private final Retry retry;
    private final StringPool strings;

    FleetReader(Master master, Retry retry, StringPool strings) {
        this.master = master;
        this.retry = retry;
        this.strings = strings;
    }

    List<ComputeNode> nodes(CancellationToken token) throws MasterException, InterruptedException {
        List<ComputeNode> out = new ArrayList<>();
        for (ComputeNode node : retry.call(master::nodes, token)) {
            out.add(new ComputeNode(strings.of(node.reference()), node.title(), node.status()));
        }
        return out;
    }

    List<InstanceTree> services(CancellationToken token) throws MasterException, InterruptedException {
        List<InstanceTree> out = new ArrayList<>();
        for (InstanceTree tree : retry.call(master::services, token)) {
            out.add(service(tree));
        }
        return out;
    }

    private InstanceTree service(InstanceTree tree) {
        return new InstanceTree(
                tree.title(),
                strings.of(tree.softwareReleaseUrl()),
                tree.softwareType().map(strings::of),
                tree.requestedState(),
                tree.shared(),
                tree.status());
    }

    /** Every node with its partitions and software at once, where the master can; see {@link Master#readFleet}. */
    Optional<FleetRead> readFleet(CancellationToken token) throws MasterException, InterruptedException {
        Optional<FleetRead> all = retry.call(master::readFleet, token);
        if (all.isEmpty()) {
            return all;
        }
        List<ComputeNodeDetail> out = new ArrayList<>();
        for (ComputeNodeDetail detail : all.get().nodes()) {
            ComputeNode node = detail.node();
            out.add(compact(detail, strings.of(node.reference()), node.title(), node.status()));
        }
        return Optional.of(new FleetRead(out, all.get().mark()));
    }

    /** What changed after {@code since}, compacted as a full read is; see {@link Master#fleetChangesSince}. */
    Optional<FleetChanges> changesSince(ChangeMark since, CancellationToken token)
            throws MasterException, InterruptedException {
        Optional<FleetChanges> read = retry.call(() -> master.fleetChangesSince(since), token);
        if (read.isEmpty()) {
            return read;
        }
        FleetChanges changes = read.get();
        return Optional.of(new FleetChanges(
                changes.mark(),
                changes.nodes().stream()
                        .map(n -> new ComputeNode(strings.of(n.reference()), n.title(), n.status()))
                        .toList(),
                changes.removedNodes(),
                changes.partitions().stream()
                        .map(p -> partition(p, strings.of(p.computeNodeReference())))
                        .toList(),
                changes.removedPartitions(),
                changes.installations().stream()
                        .map(i -> installation(i, strings.of(i.computeNodeReference())))
                        .toList(),
                changes.removedInstallations(),
                changes.services().stream().map(this::service).toList(),
                changes.removedServices()));
    }

    /**
     * A node's partitions and software with its access status: the detail's own when it is dated,
     * else the master's {@code getComputerStatus} (the SLAP detail carries none, or an undated
     * text, for a console: without a date the node could never turn yellow then red).
     */
    ComputeNodeDetail node(ComputeNode listed, CancellationToken token) throws MasterException, InterruptedException {
        String reference = listed.reference();
        ComputeNodeDetail detail = retry.call(() -> master.node(reference), token);
        Optional<AccessStatus> status = detail.node().status();
        if (status.isEmpty() || status.get().createdAt() == null) {
            status = retry.call(() -> master.nodeStatus(reference), token);
        }
        return compact(detail, reference, listed.title(), status);
    }

    private ComputeNodeDetail compact(
            ComputeNodeDetail detail, String reference, String title, Optional<AccessStatus> status) {
        List<ComputePartition> partitions = new ArrayList<>();
        for (ComputePartition p : detail.partitions()) {
            partitions.add(partition(p, reference));
        }
        List<SoftwareInstallation> software = new ArrayList<>();
        for (SoftwareInstallation s : detail.software()) {
            software.add(installation(s, reference));
        }
        return new ComputeNodeDetail(new ComputeNode(reference, title, status), partitions, software);
    }

    private ComputePartition partition(ComputePartition p, String nodeReference) {
        return new ComputePartition(
                strings.of(p.reference()),
                nodeReference,
                p.state(),
                p.instanceTitle(),
                p.softwareReleaseUrl().map(strings::of),
                p.requestedState(),
                p.status());
    }

    private SoftwareInstallation installation(SoftwareInstallation s, String nodeReference) {
        return new SoftwareInstallation(
                strings.of(s.softwareReleaseUrl()), nodeReference, strings.of(s.requestedState()), s.status());
    }
}
