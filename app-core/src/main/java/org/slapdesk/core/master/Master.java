package org.slapdesk.core.master;

import java.util.List;
import java.util.Map;
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
 * Everything the console asks of a SlapOS master. Implementations pick the wire dialect
 * (SLAP, HATEOAS, JSON-RPC) per operation; callers never see which. Every method may block
 * on the network (up to the profile's timeouts): never call one on the FX thread.
 *
 * <p>Every failure is a {@link MasterException} subtype whose message is one sentence a user
 * understands, naming the endpoint: {@code NotFound} (no such node or service, or no free
 * partition), {@code NotReady} (retry later; see {@link Retry}), {@code Busy},
 * {@code AuthenticationFailed} (with a {@link MasterException.AuthenticationFailed.Reason}),
 * {@code Unreachable}, {@code BadResponse}, {@code InvalidRequest}, {@code Unsupported}.
 * {@link SlapMaster} is the implementation; {@code SlapMaster.open(profile, options)} gives one.
 */
public interface Master extends AutoCloseable {

    /** The master URL this talks to, for messages and the status bar. */
    String url();

    /** Every node the master lists ({@code slapos computer list}). */
    List<ComputeNode> nodes() throws MasterException;

    /** A node's partitions and supplied software; NotFound when the master has no such node. */
    ComputeNodeDetail node(String reference) throws MasterException;

    /**
     * Every node with its partitions, software and access status in a few calls, where the master
     * answers fleet-wide searches; empty when it does not, and the caller reads node by node.
     */
    default Optional<List<ComputeNodeDetail>> allNodes() throws MasterException {
        return Optional.empty();
    }

    /**
     * {@link #allNodes} with the mark to ask {@link #fleetChangesSince} from, where the master's
     * answer says it can tell what changed; empty when it has no fleet-wide searches.
     */
    default Optional<FleetRead> readFleet() throws MasterException {
        return allNodes().map(nodes -> new FleetRead(nodes, Optional.empty()));
    }

    /**
     * What changed in the fleet (nodes, partitions, software, services) after {@code since}, a
     * mark an earlier read gave; empty when the master cannot say from that mark, and the caller
     * reads the whole fleet.
     */
    default Optional<FleetChanges> fleetChangesSince(ChangeMark since) throws MasterException {
        return Optional.empty();
    }

    /** Every service ({@code slapos service list}): title and release; the rest comes from {@link #service}. */
    List<InstanceTree> services() throws MasterException;

    /** A service with its root instance ({@code slapos service info}); NotFound when unknown. */
    ServiceDetail service(String title) throws MasterException;

    void supply(String softwareReleaseUrl, String computeNodeReference) throws MasterException;

    void remove(String softwareReleaseUrl, String computeNodeReference) throws MasterException;

    /** Requests (or re-requests) an instance; {@link MasterException.NotReady} while it is not allocated. */
    SoftwareInstance request(InstanceRequest request) throws MasterException;

    /** Re-requests a service with its current release, type and parameters in a new state. */
    SoftwareInstance changeState(String title, RequestedState state) throws MasterException;

    Map<String, String> connectionParameters(String title) throws MasterException;

    /** The node's access status ({@code getComputerStatus}); empty when the master keeps none. */
    Optional<AccessStatus> nodeStatus(String computeNodeReference) throws MasterException;

    /** A node registration token, where the master hands them out. */
    Optional<String> nodeToken() throws MasterException;

    /**
     * Reads release schemas ({@code software.cfg.json}) through this master's transport, so the
     * profile's pinned CA and client certificate apply to them too.
     */
    ReleaseSchemaLoader releaseSchemas();

    @Override
    void close();
}
