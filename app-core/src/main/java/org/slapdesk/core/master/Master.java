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
 * on the network: never call one on the FX thread.
 */
public interface Master extends AutoCloseable {

    /** The master URL this talks to, for messages and the status bar. */
    String url();

    List<ComputeNode> nodes() throws MasterException;

    ComputeNodeDetail node(String reference) throws MasterException;

    List<InstanceTree> services() throws MasterException;

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

    @Override
    void close();
}
