package org.slapdesk.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slapdesk.core.master.ChangeMark;
import org.slapdesk.core.master.FleetChanges;
import org.slapdesk.core.master.FleetRead;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.ReleaseSchemaLoader;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstance;

/** A master that counts the rows its fleet-wide reads answer (nodes, partitions, software, services). */
final class RowCountingMaster implements Master {

    private final Master master;
    private final AtomicLong rows = new AtomicLong();

    RowCountingMaster(Master master) {
        this.master = master;
    }

    long rowsRead() {
        return rows.get();
    }

    @Override
    public Optional<FleetRead> readFleet() throws MasterException {
        Optional<FleetRead> read = master.readFleet();
        read.ifPresent(fleet -> fleet.nodes()
                .forEach(node -> rows.addAndGet(
                        1 + node.partitions().size() + node.software().size())));
        return read;
    }

    @Override
    public Optional<FleetChanges> fleetChangesSince(ChangeMark since) throws MasterException {
        Optional<FleetChanges> changes = master.fleetChangesSince(since);
        changes.ifPresent(read -> rows.addAndGet(read.size()));
        return changes;
    }

    @Override
    public List<InstanceTree> services() throws MasterException {
        List<InstanceTree> services = master.services();
        rows.addAndGet(services.size());
        return services;
    }

    @Override
    public Optional<List<ComputeNodeDetail>> allNodes() throws MasterException {
        return readFleet().map(FleetRead::nodes);
    }

    @Override
    public String url() {
        return master.url();
    }

    @Override
    public List<ComputeNode> nodes() throws MasterException {
        return master.nodes();
    }

    @Override
    public ComputeNodeDetail node(String reference) throws MasterException {
        return master.node(reference);
    }

    @Override
    public ServiceDetail service(String title) throws MasterException {
        return master.service(title);
    }

    @Override
    public void supply(String softwareReleaseUrl, String computeNodeReference) throws MasterException {
        master.supply(softwareReleaseUrl, computeNodeReference);
    }

    @Override
    public void remove(String softwareReleaseUrl, String computeNodeReference) throws MasterException {
        master.remove(softwareReleaseUrl, computeNodeReference);
    }

    @Override
    public SoftwareInstance request(InstanceRequest request) throws MasterException {
        return master.request(request);
    }

    @Override
    public SoftwareInstance changeState(String title, RequestedState state) throws MasterException {
        return master.changeState(title, state);
    }

    @Override
    public Map<String, String> connectionParameters(String title) throws MasterException {
        return master.connectionParameters(title);
    }

    @Override
    public Optional<AccessStatus> nodeStatus(String computeNodeReference) throws MasterException {
        return master.nodeStatus(computeNodeReference);
    }

    @Override
    public Optional<String> nodeToken() throws MasterException {
        return master.nodeToken();
    }

    @Override
    public ReleaseSchemaLoader releaseSchemas() {
        return master.releaseSchemas();
    }

    @Override
    public void close() {
        master.close();
    }
}
