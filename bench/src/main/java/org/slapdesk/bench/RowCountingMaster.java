package org.slapdesk.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slapdesk.core.master.ChangeMark;
import org.slapdesk.core.master.FleetChanges;
import org.slapdesk.core.master.FleetRead;
import org.slapdesk.core.master.ForwardingMaster;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceTree;

/** A master that counts the rows its fleet-wide reads answer (nodes, partitions, software, services). */
final class RowCountingMaster extends ForwardingMaster {

    private final AtomicLong rows = new AtomicLong();

    RowCountingMaster(Master master) {
        super(master);
    }

    long rowsRead() {
        return rows.get();
    }

    @Override
    public Optional<FleetRead> readFleet() throws MasterException {
        Optional<FleetRead> read = super.readFleet();
        read.ifPresent(fleet -> fleet.nodes()
                .forEach(node -> rows.addAndGet(
                        1 + node.partitions().size() + node.software().size())));
        return read;
    }

    @Override
    public Optional<FleetChanges> fleetChangesSince(ChangeMark since) throws MasterException {
        Optional<FleetChanges> changes = super.fleetChangesSince(since);
        changes.ifPresent(read -> rows.addAndGet(read.size()));
        return changes;
    }

    @Override
    public List<InstanceTree> services() throws MasterException {
        List<InstanceTree> services = super.services();
        rows.addAndGet(services.size());
        return services;
    }

    @Override
    public Optional<List<ComputeNodeDetail>> allNodes() throws MasterException {
        return readFleet().map(FleetRead::nodes);
    }
}
