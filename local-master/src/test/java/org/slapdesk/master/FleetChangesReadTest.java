package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.fleet.FleetChange;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.testlab.SlaposVenv;

/**
 * After its first read, the fleet state of a local master asks only what changed: the refresh
 * after one node reported transfers that node's rows, and gives exactly the snapshot a full read
 * gives. Removals are seen, a silent node still turns yellow with time, and a master answering
 * from another database is read whole. Reports come from the real slapos.slap library; the reads
 * go through a real loopback proxy that counts them.
 */
class FleetChangesReadTest {

    private static final int NODES = 40;
    private static final String RELEASE = "https://lab.example.org/changes/software.cfg";

    @TempDir
    Path dir;

    private final MasterServiceTest.HandClock clock = new MasterServiceTest.HandClock();
    private LocalMaster master;
    private CountingProxy proxy;
    private SlapMaster client;
    private Slapos slapos;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        fill(master, NODES);
        proxy = new CountingProxy(master.url());
        client = open(proxy.url());
        Files.createDirectories(dir.resolve("node"));
        slapos = new Slapos(SlaposVenv.require(), dir.resolve("node"), master.url());
        clock.now = Instant.now();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        client.close();
        proxy.close();
        master.close();
    }

    @Test
    void afterOneNodeReportsTheRefreshReadsOnlyItsRowsAndGivesWhatAFullReadGives() throws Exception {
        FleetState fleet = fleet(client);
        List<FleetUpdate> updates = new CopyOnWriteArrayList<>();
        fleet.subscribe(Runnable::run, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                updates.add(update);
            }
        });
        assertThat(fleet.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        long fullBytes = proxy.bytes();
        long fullRows = proxy.searchRows();
        updates.clear();

        slapos.node("info", "COMP-7"); // its first contact
        slapos.node("inst", "COMP-7", "slappart0", "error", "boom: the promise failed");
        proxy.resetCounts();
        assertThat(fleet.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);

        assertThat(proxy.searchRows())
                .as("rows transferred: the node and its partition, of %s", fullRows)
                .isEqualTo(2);
        assertThat(proxy.bytes())
                .as("bytes against %s for the full read", fullBytes)
                .isLessThan(fullBytes / 10);
        assertSameAsAFullRead(fleet);
        assertThat(health(fleet.snapshot().nodes().get("COMP-7").health())).isEqualTo(Health.Level.GREEN);
        assertThat(fleet.snapshot()
                        .partitions()
                        .get(FleetSnapshot.partitionKey("COMP-7", "slappart0"))
                        .health()
                        .level())
                .isEqualTo(Health.Level.RED);
        List<String> changed = new ArrayList<>();
        updates.forEach(u -> u.changes().stream().map(FleetChange::key).forEach(changed::add));
        assertThat(changed).containsExactlyInAnyOrder("COMP-7", "COMP-7/slappart0", "svc-7");
    }

    @Test
    void removedSoftwarePartitionsAndServicesAreSeenRemoved() throws Exception {
        FleetState fleet = fleet(client);
        fleet.refresh();

        assertThat(http().post(
                                "supplySupply",
                                MasterHttp.form("url", RELEASE, "computer_id", "COMP-3", "state", "destroyed"))
                        .statusCode())
                .isEqualTo(200);
        slapos.node("sw", "COMP-3", RELEASE, "destroyed");
        master.service().format(node("COMP-4", 2)); // slappart2 goes
        HttpResponse<String> destroyed = http().request(
                        "svc-2", RELEASE, Map.of("n", "2"), Map.of("computer_guid", "COMP-2"), "destroyed", false);
        assertThat(destroyed.statusCode()).as(destroyed.body()).isEqualTo(200);
        slapos.node("inst", "COMP-2", "slappart0", "destroyed");
        proxy.resetCounts();
        fleet.refresh();

        assertThat(proxy.searchRows()).as("rows transferred").isLessThan(10);
        FleetSnapshot snapshot = fleet.snapshot();
        assertThat(snapshot.installations()).doesNotContainKey(FleetSnapshot.installationKey("COMP-3", RELEASE));
        assertThat(snapshot.partitions()).doesNotContainKey(FleetSnapshot.partitionKey("COMP-4", "slappart2"));
        assertThat(snapshot.services()).doesNotContainKey("svc-2");
        assertSameAsAFullRead(fleet);
    }

    @Test
    void aSilentNodeTurnsYellowWithTimeWithoutAnyRowRead() throws Exception {
        FleetState fleet = fleet(client);
        fleet.refresh();
        assertThat(health(fleet.snapshot().nodes().get("COMP-1").health())).isEqualTo(Health.Level.GREEN);

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        proxy.resetCounts();
        fleet.refresh();

        assertThat(proxy.searchRows()).isZero();
        assertThat(health(fleet.snapshot().nodes().get("COMP-1").health())).isEqualTo(Health.Level.YELLOW);
        assertSameAsAFullRead(fleet);
    }

    @Test
    void aMasterAnsweringFromAnotherDatabaseIsReadWhole() throws Exception {
        FleetState fleet = fleet(client);
        fleet.refresh();
        try (LocalMaster other = LocalMaster.start(
                dir.resolve("other.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            fill(other, 5);
            proxy.forwardTo(other.url());
            fleet.refresh();

            assertThat(fleet.snapshot().nodes()).hasSize(5);
            try (SlapMaster direct = open(other.url());
                    FleetState reference = fleet(direct)) {
                reference.refresh();
                assertSameFleet(fleet.snapshot(), reference.snapshot());
            }
        }
    }

    private void assertSameAsAFullRead(FleetState fleet) throws Exception {
        try (SlapMaster direct = open(master.url());
                FleetState reference = fleet(direct)) {
            assertThat(reference.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
            assertSameFleet(fleet.snapshot(), reference.snapshot());
        }
    }

    private static void assertSameFleet(FleetSnapshot changed, FleetSnapshot full) {
        assertThat(changed.nodes()).isEqualTo(full.nodes());
        assertThat(changed.partitions()).isEqualTo(full.partitions());
        assertThat(changed.installations()).isEqualTo(full.installations());
        assertThat(changed.services()).isEqualTo(full.services());
        assertThat(changed.complete()).isTrue();
    }

    private static Health.Level health(Health health) {
        return health.level();
    }

    private FleetState fleet(SlapMaster reading) {
        FleetState fleet =
                new FleetState(reading, FleetOptions.defaults(), new HealthRules(clock), HealthRecorder.none());
        closing.add(fleet);
        return fleet;
    }

    private SlapMaster open(URI url) throws Exception {
        return SlapMaster.open(
                MasterProfile.plain("local", url.toString()).withRestUrl(url.resolve("hateoas/")),
                ClientOptions.defaults());
    }

    private MasterHttp http() {
        return new MasterHttp(master.url());
    }

    /** {@code nodes} nodes of 3 partitions, software on a few, one started service on each of the first 10. */
    private static void fill(LocalMaster target, int nodes) throws Exception {
        MasterHttp http = new MasterHttp(target.url());
        for (int n = 0; n < nodes; n++) {
            target.service().format(node("COMP-" + n, 3));
        }
        for (int n = 0; n < Math.min(nodes, 10); n++) {
            String node = "COMP-" + n;
            target.service().supply(RELEASE, node, "available");
            HttpResponse<String> answer = http.request(
                    "svc-" + n, RELEASE, Map.of("n", "" + n), Map.of("computer_guid", node), "started", false);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            target.service().instanceReport(node, "slappart0", "started");
            if (n != 7) {
                target.service().fullComputerInformation(node, true);
            }
        }
        target.service().softwareReport("COMP-3", RELEASE, "available", null);
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
}
