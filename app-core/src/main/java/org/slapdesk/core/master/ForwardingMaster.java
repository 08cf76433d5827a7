package org.slapdesk.core.master;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstance;

/**
 * A master that hands every call to another one. A wrapper overrides only what it changes, and
 * a method added to {@link Master} later (as the fleet-wide reads were) reaches the wrapped
 * master without each wrapper having to learn it: a default method would quietly answer "not
 * offered" instead.
 */
public abstract class ForwardingMaster implements Master {

    private final Master delegate;

    protected ForwardingMaster(Master delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String url() {
        return delegate.url();
    }

    @Override
    public List<ComputeNode> nodes() throws MasterException {
        return delegate.nodes();
    }

    @Override
    public ComputeNodeDetail node(String reference) throws MasterException {
        return delegate.node(reference);
    }

    @Override
    public Optional<List<ComputeNodeDetail>> allNodes() throws MasterException {
        return delegate.allNodes();
    }

    @Override
    public Optional<FleetRead> readFleet() throws MasterException {
        return delegate.readFleet();
    }

    @Override
    public Optional<FleetChanges> fleetChangesSince(ChangeMark since) throws MasterException {
        return delegate.fleetChangesSince(since);
    }

    @Override
    public List<InstanceTree> services() throws MasterException {
        return delegate.services();
    }

    @Override
    public ServiceDetail service(String title) throws MasterException {
        return delegate.service(title);
    }

    @Override
    public void supply(String softwareReleaseUrl, String computeNodeReference) throws MasterException {
        delegate.supply(softwareReleaseUrl, computeNodeReference);
    }

    @Override
    public void remove(String softwareReleaseUrl, String computeNodeReference) throws MasterException {
        delegate.remove(softwareReleaseUrl, computeNodeReference);
    }

    @Override
    public SoftwareInstance request(InstanceRequest request) throws MasterException {
        return delegate.request(request);
    }

    @Override
    public SoftwareInstance changeState(String title, RequestedState state) throws MasterException {
        return delegate.changeState(title, state);
    }

    @Override
    public Map<String, String> connectionParameters(String title) throws MasterException {
        return delegate.connectionParameters(title);
    }

    @Override
    public Optional<AccessStatus> nodeStatus(String computeNodeReference) throws MasterException {
        return delegate.nodeStatus(computeNodeReference);
    }

    @Override
    public Optional<String> nodeToken() throws MasterException {
        return delegate.nodeToken();
    }

    @Override
    public ReleaseSchemaLoader releaseSchemas() {
        return delegate.releaseSchemas();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
