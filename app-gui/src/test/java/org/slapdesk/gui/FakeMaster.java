package org.slapdesk.gui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.ReleaseSchemaLoader;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.core.model.SoftwareInstance;

/**
 * An in-memory master for ViewModel tests: it records what was asked and answers from maps the
 * test fills. Interop with real masters is tested against the local master and slapproxy.
 */
public final class FakeMaster implements Master {

    public final Map<String, ComputeNodeDetail> nodes = new LinkedHashMap<>();
    public final Map<String, ServiceDetail> services = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public final List<InstanceRequest> requests = new ArrayList<>();
    public int notReadyAnswers;
    public MasterException failNext;
    public Optional<String> token = Optional.of("one-time-token");
    public boolean closed;
    private MasterHttp schemaTransport;

    public static ComputeNodeDetail node(
            String reference, Optional<AccessStatus> status, int partitions, int busy, List<String> software) {
        List<ComputePartition> parts = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            boolean isBusy = i < busy;
            parts.add(new ComputePartition(
                    "slappart" + i,
                    reference,
                    isBusy ? PartitionState.BUSY : PartitionState.FREE,
                    isBusy ? Optional.of("instance-" + i) : Optional.empty(),
                    isBusy
                            ? Optional.of(software.isEmpty() ? "https://example/x/software.cfg" : software.get(0))
                            : Optional.empty(),
                    isBusy ? Optional.of(RequestedState.STARTED) : Optional.empty(),
                    isBusy ? status : Optional.empty()));
        }
        List<SoftwareInstallation> installations = software.stream()
                .map(url -> new SoftwareInstallation(url, reference, "available", status))
                .toList();
        return new ComputeNodeDetail(new ComputeNode(reference, reference + " title", status), parts, installations);
    }

    public static Optional<AccessStatus> access(Instant at) {
        return Optional.of(new AccessStatus("#access ok", at, at));
    }

    public static ServiceDetail service(
            String title,
            String release,
            Map<String, String> parameters,
            Map<String, String> connection,
            Optional<AccessStatus> status) {
        InstanceTree tree = new InstanceTree(
                title, release, Optional.of("default"), Optional.of(RequestedState.STARTED), false, status);
        SoftwareInstance root = new SoftwareInstance(
                title,
                Optional.of("SOFTINST-1"),
                release,
                "default",
                RequestedState.STARTED,
                false,
                parameters,
                connection,
                Optional.of("COMP-0"),
                Optional.of("slappart0"),
                List.of(),
                status);
        return new ServiceDetail(tree, List.of(root));
    }

    /**
     * Puts each service's root instance on a busy partition of {@code nodeReference}, as a master
     * holds it: the fleet colours a service from that partition.
     */
    public void hostServicesOn(String nodeReference) {
        ComputeNodeDetail node = nodes.get(nodeReference);
        List<ComputePartition> partitions = new ArrayList<>(node.partitions());
        services.values()
                .forEach(service -> partitions.add(new ComputePartition(
                        "slappart-" + service.tree().title(),
                        nodeReference,
                        PartitionState.BUSY,
                        Optional.of(service.tree().title()),
                        Optional.of(service.tree().softwareReleaseUrl()),
                        Optional.of(RequestedState.STARTED),
                        service.tree().status())));
        nodes.put(nodeReference, new ComputeNodeDetail(node.node(), partitions, node.software()));
    }

    private void maybeFail() throws MasterException {
        if (failNext != null) {
            MasterException e = failNext;
            failNext = null;
            throw e;
        }
    }

    @Override
    public String url() {
        return "http://127.0.0.1:0/fake";
    }

    @Override
    public synchronized List<ComputeNode> nodes() throws MasterException {
        maybeFail();
        return nodes.values().stream().map(ComputeNodeDetail::node).toList();
    }

    @Override
    public synchronized ComputeNodeDetail node(String reference) throws MasterException {
        ComputeNodeDetail detail = nodes.get(reference);
        if (detail == null) {
            throw new MasterException.NotFound(reference, "no node " + reference);
        }
        return detail;
    }

    @Override
    public synchronized List<InstanceTree> services() throws MasterException {
        maybeFail();
        return services.values().stream().map(ServiceDetail::tree).toList();
    }

    @Override
    public synchronized ServiceDetail service(String title) throws MasterException {
        ServiceDetail detail = services.get(title);
        if (detail == null) {
            throw new MasterException.NotFound(title, "no service " + title);
        }
        return detail;
    }

    @Override
    public synchronized void supply(String url, String node) throws MasterException {
        maybeFail();
        calls.add("supply " + url + " " + node);
    }

    @Override
    public synchronized void remove(String url, String node) throws MasterException {
        maybeFail();
        calls.add("remove " + url + " " + node);
    }

    @Override
    public synchronized SoftwareInstance request(InstanceRequest request) throws MasterException {
        calls.add("request " + request.title());
        if (notReadyAnswers > 0) {
            notReadyAnswers--;
            throw new MasterException.NotReady("/requestComputerPartition", "not ready yet");
        }
        maybeFail();
        requests.add(request);
        Map<String, String> parameters = new LinkedHashMap<>();
        request.parameters().forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        services.put(
                request.title(),
                service(request.title(), request.softwareReleaseUrl(), parameters, Map.of(), Optional.empty()));
        return services.get(request.title()).instances().get(0);
    }

    @Override
    public synchronized SoftwareInstance changeState(String title, RequestedState state) throws MasterException {
        maybeFail();
        calls.add(state.wireName() + " " + title);
        return service(title).instances().get(0);
    }

    @Override
    public Map<String, String> connectionParameters(String title) throws MasterException {
        return service(title).instances().get(0).connectionParameters();
    }

    @Override
    public Optional<AccessStatus> nodeStatus(String reference) throws MasterException {
        return node(reference).node().status();
    }

    @Override
    public Optional<String> nodeToken() throws MasterException {
        maybeFail();
        return token;
    }

    /** Release schemas are read for real (files, loopback servers) over a plain transport. */
    @Override
    public synchronized ReleaseSchemaLoader releaseSchemas() {
        if (schemaTransport == null) {
            try {
                schemaTransport =
                        MasterHttp.open(MasterProfile.plain("fake", "http://fake.invalid/"), ClientOptions.defaults());
            } catch (MasterException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ReleaseSchemaLoader(schemaTransport);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (schemaTransport != null) {
            schemaTransport.close();
        }
    }
}
