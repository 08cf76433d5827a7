package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.fleet.FleetChange;
import org.slapdesk.core.fleet.FleetKind;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.HealthTransition;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.ComputerConfiguration;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;
import org.slapdesk.master.LocalMaster;

/**
 * The fleet state against the local master, which keeps access statuses: 30 nodes formatted
 * over the wire, their contacts and software reports made by the master itself; the health
 * rules' clock is the test's, so "no contact for 3.6 minutes" needs no waiting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetLocalMasterTest {

    private static final int NODES = 30;
    private static final String SOFTWARE = "https://lab.example/software/fleet.cfg";

    private LocalMaster local;
    private SlapMaster client;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        local = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("master.sqlite"), 0));
        client = SlapMaster.open(
                MasterProfile.plain("local", local.url().toString()).withRestUrl(local.hateoasUrl()),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        try (MasterHttp http =
                MasterHttp.open(MasterProfile.plain("node", local.url().toString()), ClientOptions.defaults())) {
            SlapEndpoint asANode = new SlapEndpoint(http, local.url());
            for (int i = 0; i < NODES; i++) {
                assertThat(asANode.loadComputerConfigurationFromXml(node("FLEET-" + i)))
                        .isEqualTo("done");
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (client != null) {
            client.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void aNodeThatStopsCallingAndAnInstanceErrorFireOnlyTheirOwnTransitions() throws Exception {
        // FLEET-9 calls first; every other node calls at least 2 s later (statuses are dated to the second)
        local.service().fullComputerInformation("FLEET-9", true);
        Instant firstContact = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(2100);
        for (int i = 0; i < NODES; i++) {
            if (i != 9) {
                local.service().fullComputerInformation("FLEET-" + i, true);
            }
        }
        SoftwareInstance instance = client.request(new InstanceRequest(
                "fleet-db",
                SOFTWARE,
                "default",
                Map.of(),
                false,
                Map.of("computer_guid", "FLEET-4"),
                false,
                RequestedState.STARTED));
        String partition = instance.partitionReference().orElseThrow();
        local.service().instanceReport("FLEET-4", partition, "started");
        MovableClock clock = new MovableClock(firstContact.plusSeconds(214));
        FleetState fleet =
                new FleetState(client, FleetOptions.defaults(), new HealthRules(clock), HealthRecorder.none());
        toClose.add(fleet);

        RefreshProgress first = fleet.refresh();

        assertThat(first.phase()).as(first.describe()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        FleetSnapshot snapshot = fleet.snapshot();
        assertThat(snapshot.nodes()).hasSize(NODES);
        assertThat(snapshot.nodes().values())
                .allSatisfy(n -> assertThat(n.health().level()).isEqualTo(Health.Level.GREEN));
        String partitionKey = FleetSnapshot.partitionKey("FLEET-4", partition);
        assertThat(snapshot.instances().get("fleet-db").health().level()).isEqualTo(Health.Level.GREEN);
        assertThat(snapshot.services().get("fleet-db").health().level()).isEqualTo(Health.Level.GREEN);

        List<FleetUpdate> updates = new CopyOnWriteArrayList<>();
        fleet.subscribe(Runnable::run, updates::add);
        // 217 s after FLEET-9's call (over 0.0025 day), at most 215 s after the others'
        clock.set(firstContact.plusSeconds(217));
        local.service().instanceError("FLEET-4", partition, "buildout failed", null);

        assertThat(fleet.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);

        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).transitions())
                .extracting(
                        HealthTransition::kind,
                        HealthTransition::key,
                        t -> t.from().level(),
                        t -> t.to().level())
                .containsExactlyInAnyOrder(
                        tuple(FleetKind.NODE, "FLEET-9", Health.Level.GREEN, Health.Level.YELLOW),
                        tuple(FleetKind.PARTITION, partitionKey, Health.Level.GREEN, Health.Level.RED),
                        tuple(FleetKind.INSTANCE_TREE, "fleet-db", Health.Level.GREEN, Health.Level.RED));
        assertThat(updates.get(0).changes())
                .extracting(FleetChange::kind, FleetChange::type, FleetChange::key)
                .containsExactlyInAnyOrder(
                        tuple(FleetKind.NODE, FleetChange.Type.CHANGED, "FLEET-9"),
                        tuple(FleetKind.PARTITION, FleetChange.Type.CHANGED, partitionKey),
                        tuple(FleetKind.INSTANCE_TREE, FleetChange.Type.CHANGED, "fleet-db"));

        client.supply(SOFTWARE, "FLEET-7");
        fleet.refresh();
        client.remove(SOFTWARE, "FLEET-7");
        local.service().softwareReport("FLEET-7", SOFTWARE, "destroyed", null);
        fleet.refresh();

        String installation = FleetSnapshot.installationKey("FLEET-7", SOFTWARE);
        assertThat(updates).hasSize(3);
        assertThat(updates.get(1).changes())
                .extracting(FleetChange::kind, FleetChange::type, FleetChange::key)
                .containsExactly(tuple(FleetKind.SOFTWARE_INSTALLATION, FleetChange.Type.ADDED, installation));
        assertThat(updates.get(2).changes())
                .extracting(FleetChange::kind, FleetChange::type, FleetChange::key)
                .containsExactly(tuple(FleetKind.SOFTWARE_INSTALLATION, FleetChange.Type.REMOVED, installation));
    }

    @Test
    void theNodesListingIsOneSearchWhateverTheFleetHolds() {
        long statements = statementsOf("master", "nodes", "--json");

        assertThat(statements)
                .as("SQL statements run by the local master for the nodes listing")
                .isEqualTo(1);
    }

    @Test
    void theServicesListingIsOneSearchWhateverTheFleetHolds() {
        long statements = statementsOf("master", "services", "--json");

        assertThat(statements)
                .as("SQL statements run by the local master for the services listing")
                .isEqualTo(1);
    }

    @Test
    void theNodesListingPrintsEveryNodeSortedByReference() {
        CliRun table = CliRun.of(
                "master",
                "nodes",
                "--master-url",
                local.url().toString(),
                "--rest-url",
                local.hateoasUrl().toString());

        assertThat(table.exit()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("REFERENCE  TITLE");
        assertThat(lines).hasSize(NODES + 1);
        assertThat(lines.subList(1, lines.size()))
                .as("sorted by reference")
                .isSorted()
                .anySatisfy(l -> assertThat(l).startsWith("FLEET-29 "));
    }

    /** What one listing costs the local master, in SQL statements: the listings read only what they print. */
    private long statementsOf(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(
                "--master-url",
                local.url().toString(),
                "--rest-url",
                local.hateoasUrl().toString()));
        long before = local.service().database().statementsRun();
        CliRun run = CliRun.of(args);
        long after = local.service().database().statementsRun();
        assertThat(run.exit()).as(run.err()).isZero();
        return after - before;
    }

    private static ComputerConfiguration node(String reference) {
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            partitions.add(Partition.simple(
                    "slappart" + i,
                    "/srv/slapgrid/slappart" + i,
                    List.of(Address.of("10.0.0." + (i + 2), "255.255.255.255")),
                    "slaptap" + i));
        }
        return ComputerConfiguration.minimal(reference, "10.0.0.1", "255.255.255.0", partitions);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
