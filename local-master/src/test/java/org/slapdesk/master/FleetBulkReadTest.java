package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.ReleaseSchemaLoader;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstance;

/**
 * The fleet state reads a local master of 300 nodes through its fleet-wide searches, in a
 * handful of HTTP calls whatever the fleet's size, and sees exactly what the node-by-node read sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetBulkReadTest {

    private static final int NODES = 300;
    private static final String RELEASE = "https://lab.example.org/bulk/software.cfg";

    private LocalMaster master;
    private SlapMaster client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        master = LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (int n = 0; n < NODES; n++) {
            master.service().format(node("COMP-" + n, 2));
        }
        for (int n = 0; n < 10; n++) {
            master.service().supply(RELEASE, "COMP-" + n, "available");
            master.service().fullComputerInformation("COMP-" + n, true);
        }
        master.service().softwareReport("COMP-3", RELEASE, "available", null);
        client = SlapMaster.open(
                MasterProfile.plain("local", master.url().toString()).withRestUrl(master.hateoasUrl()),
                ClientOptions.defaults());
        for (int s = 0; s < 5; s++) {
            client.request(new InstanceRequest(
                    "svc-" + s,
                    RELEASE,
                    "default",
                    Map.of("n", "" + s),
                    false,
                    Map.of(),
                    false,
                    RequestedState.STARTED));
        }
        master.service().instanceReport("COMP-0", "slappart0", "started");
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aRefreshOfThreeHundredNodesTakesAHandfulOfCalls() throws Exception {
        try (FleetState fleet = fleet(client)) {
            fleet.refresh();
            long before = master.requestsServed();
            RefreshProgress done = fleet.refresh();
            long calls = master.requestsServed() - before;

            assertThat(done.phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
            assertThat(calls).as("HTTP calls of one refresh").isLessThanOrEqualTo(5);
            FleetSnapshot snapshot = fleet.snapshot();
            assertThat(snapshot.nodes()).hasSize(NODES);
            assertThat(snapshot.partitions()).hasSize(2 * NODES);
            assertThat(snapshot.installations()).hasSize(10);
            assertThat(snapshot.services()).hasSize(5);
            assertThat(snapshot.partitions().values())
                    .filteredOn(p -> ((ComputePartition) p.value()).state() == PartitionState.BUSY)
                    .hasSize(5);
        }
    }

    @Test
    void theBulkReadSeesWhatTheNodeByNodeReadSees() throws Exception {
        try (FleetState bulk = fleet(client);
                FleetState nodeByNode = fleet(new NodeByNode(client))) {
            assertThat(bulk.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
            assertThat(nodeByNode.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
            FleetSnapshot a = bulk.snapshot();
            FleetSnapshot b = nodeByNode.snapshot();
            assertThat(values(a.partitions())).isEqualTo(values(b.partitions()));
            assertThat(values(a.installations())).isEqualTo(values(b.installations()));
            assertThat(values(a.nodes())).isEqualTo(values(b.nodes()));
            assertThat(values(a.services())).isEqualTo(values(b.services()));
            Optional<AccessStatus> contact =
                    ((ComputeNode) a.nodes().get("COMP-1").value()).status();
            assertThat(contact).isPresent();
            assertThat(contact.get().createdAt()).isNotNull();
        }
    }

    private static Map<String, Object> values(Map<String, ? extends Tracked<?>> tracked) {
        return tracked.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> List.of(e.getValue().value(), e.getValue().health().level())));
    }

    private static FleetState fleet(Master source) {
        return new FleetState(
                source,
                FleetOptions.defaults().withParallelReads(4),
                new HealthRules(Clock.systemUTC()),
                HealthRecorder.none());
    }

    private static Map<String, Object> node(String reference, int partitions) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("reference", "slappart" + i);
            p.put("address_list", List.of(Map.of("addr", "10.0.0." + (i + 2), "netmask", "255.255.255.255")));
            list.add(p);
        }
        Map<String, Object> computer = new LinkedHashMap<>();
        computer.put("reference", reference);
        computer.put("partition_list", list);
        return computer;
    }

    /** The same real client with its fleet-wide read turned off: the path any other master takes. */
    private record NodeByNode(SlapMaster real) implements Master {
        @Override
        public String url() {
            return real.url();
        }

        @Override
        public List<ComputeNode> nodes() throws MasterException {
            return real.nodes();
        }

        @Override
        public ComputeNodeDetail node(String reference) throws MasterException {
            return real.node(reference);
        }

        @Override
        public List<InstanceTree> services() throws MasterException {
            return real.services();
        }

        @Override
        public ServiceDetail service(String title) throws MasterException {
            return real.service(title);
        }

        @Override
        public void supply(String softwareReleaseUrl, String computeNodeReference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String softwareReleaseUrl, String computeNodeReference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SoftwareInstance request(InstanceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SoftwareInstance changeState(String title, RequestedState state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> connectionParameters(String title) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AccessStatus> nodeStatus(String computeNodeReference) throws MasterException {
            return real.nodeStatus(computeNodeReference);
        }

        @Override
        public Optional<String> nodeToken() {
            return Optional.empty();
        }

        @Override
        public ReleaseSchemaLoader releaseSchemas() {
            return real.releaseSchemas();
        }

        @Override
        public void close() {}
    }
}
