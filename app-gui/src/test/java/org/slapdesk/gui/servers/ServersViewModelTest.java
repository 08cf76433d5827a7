package org.slapdesk.gui.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.session.ConnectionState;

class ServersViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final String KVM = "https://lab.example/software/kvm/software.cfg";

    private final Direct direct = new Direct(NOW);
    private final ServersViewModel model =
            new ServersViewModel(direct.session, direct.tasks, direct.health, direct.activity, direct.clock);

    private ServersViewModelTest() {
        direct.master.nodes.put(
                "COMP-0", FakeMaster.node("COMP-0", FakeMaster.access(NOW.minusSeconds(30)), 4, 1, List.of(KVM)));
        direct.master.nodes.put("COMP-1", FakeMaster.node("COMP-1", Optional.empty(), 2, 0, List.of()));
    }

    @Test
    void aRefreshListsEveryNodeWithHealthPartitionsAndSoftware() {
        direct.connected();
        model.list().refresh();

        assertThat(model.list().rows()).extracting(ServerRow::reference).containsExactly("COMP-0", "COMP-1");
        ServerRow comp0 = model.list().rows().get(0);
        assertThat(comp0.health().level()).isEqualTo(Health.Level.GREEN);
        assertThat(comp0.partitionsUsedProperty().get()).isEqualTo(1);
        assertThat(comp0.partitionsTotalProperty().get()).isEqualTo(4);
        assertThat(comp0.softwareCountProperty().get()).isEqualTo(1);
        assertThat(comp0.lastContactProperty().get()).isEqualTo(NOW.minusSeconds(30));
        assertThat(model.list().rows().get(1).health().level()).isEqualTo(Health.Level.GREY);
        assertThat(direct.session.lastRefreshProperty().get()).isEqualTo(NOW);
    }

    @Test
    void aSecondRefreshUpdatesRowsInPlaceAndMarksAHealthChange() {
        direct.connected();
        model.list().refresh();
        ServerRow comp0 = model.list().rows().get(0);
        ServerRow comp1 = model.list().rows().get(1);
        assertThat(comp0.healthChangedAtProperty().get()).isNull();
        assertThat(model.list().count(Health.Level.GREEN).get()).isEqualTo(1);
        assertThat(model.list().count(Health.Level.GREY).get()).isEqualTo(1);

        direct.master.nodes.put(
                "COMP-0",
                FakeMaster.node("COMP-0", FakeMaster.access(NOW.minus(Duration.ofMinutes(10))), 4, 2, List.of(KVM)));
        model.list().refresh();

        assertThat(model.list().rows().get(0)).isSameAs(comp0);
        assertThat(model.list().rows().get(1)).isSameAs(comp1);
        assertThat(comp0.health().level()).isEqualTo(Health.Level.RED);
        assertThat(comp0.partitionsUsedProperty().get()).isEqualTo(2);
        assertThat(comp0.healthChangedAtProperty().get()).isEqualTo(NOW);
        assertThat(comp1.healthChangedAtProperty().get())
                .as("unchanged row is not highlighted")
                .isNull();
        assertThat(model.list().count(Health.Level.GREEN).get())
                .as("a health change in place is counted")
                .isZero();
        assertThat(model.list().count(Health.Level.RED).get()).isEqualTo(1);
    }

    @Test
    void anUpdateBuildsTheDetailOfTheServersItChangedOnly() {
        direct.connected();
        model.list().refresh();
        FleetSnapshot snapshot = direct.session.fleetProperty().get().snapshot();

        Map<String, Tracked<ComputeNodeDetail>> details = ServersViewModel.nodeDetails(snapshot, "COMP-0"::equals);

        assertThat(details).containsOnlyKeys("COMP-0");
        assertThat(details.get("COMP-0").value().partitions()).hasSize(4);
        assertThat(details.get("COMP-0").value().software()).hasSize(1);
        assertThat(ServersViewModel.nodeDetails(snapshot, reference -> true)).containsOnlyKeys("COMP-0", "COMP-1");
    }

    @Test
    void goneNodesLeaveAndNewOnesArrive() {
        direct.connected();
        model.list().refresh();
        direct.master.nodes.remove("COMP-1");
        direct.master.nodes.put("COMP-2", FakeMaster.node("COMP-2", Optional.empty(), 1, 0, List.of()));
        model.list().refresh();
        assertThat(model.list().rows()).extracting(ServerRow::reference).containsExactly("COMP-0", "COMP-2");
    }

    @Test
    void theFilterMatchesEveryWordInTitleReferenceOrHealth() {
        direct.connected();
        model.list().refresh();
        model.list().filterProperty().set("comp-1");
        assertThat(model.list().visibleRows()).extracting(ServerRow::reference).containsExactly("COMP-1");
        model.list().filterProperty().set("green comp");
        assertThat(model.list().visibleRows()).extracting(ServerRow::reference).containsExactly("COMP-0");
        model.list().filterProperty().set("");
        assertThat(model.list().visibleRows()).hasSize(2);
    }

    @Test
    void selectingAServerShowsItsPartitionsAndSuppliedSoftware() {
        direct.connected();
        model.list().refresh();
        model.list().selectedProperty().set(model.list().rows().get(0));
        assertThat(model.partitions()).hasSize(4);
        assertThat(model.partitions().get(0).instance()).isEqualTo("instance-0");
        assertThat(model.partitions().get(0).state()).isEqualTo("busy");
        assertThat(model.partitions().get(1).health().level()).isEqualTo(Health.Level.GREY);
        assertThat(model.software()).containsExactly(new SoftwareRow(KVM, "available", Health.green("Available")));
        model.list().selectedProperty().set(null);
        assertThat(model.partitions()).isEmpty();
    }

    @Test
    void supplyCallsTheMasterRecordsTheActivityAndRefreshes() {
        direct.connected();
        model.supply(KVM, "COMP-1");
        assertThat(direct.master.calls).containsExactly("supply " + KVM + " COMP-1");
        assertThat(direct.activity.entries()).hasSize(1);
        assertThat(direct.activity.entries().get(0).action()).isEqualTo("Supply");
        assertThat(direct.activity.entries().get(0).outcomeText()).isEqualTo("done");
        assertThat(model.list().rows()).hasSize(2);
    }

    @Test
    void aFailedRemoveIsNotifiedAndLogged() {
        direct.connected();
        direct.master.failNext = new MasterException.NotFound("/supplySupply", "COMP-9 is not a node of this master");
        model.remove(KVM, "COMP-9");
        assertThat(direct.notificationTitles()).containsExactly("Remove kvm on COMP-9 failed");
        assertThat(direct.activity.entries().get(0).outcomeText()).startsWith("failed: COMP-9 is not a node");
    }

    @Test
    void aRefreshThatFailsSaysSoOnceAndMarksTheMasterUnreachable() {
        direct.connected();
        model.list().refresh();
        direct.master.failNext = new MasterException.Unreachable("http://x", "connection refused", null);
        model.list().refresh();
        direct.master.failNext = new MasterException.Unreachable("http://x", "connection refused", null);
        model.list().refresh();
        assertThat(direct.session.stateProperty().get()).isEqualTo(ConnectionState.UNREACHABLE);
        assertThat(direct.notificationTitles()).containsExactly("Cannot read the fleet from the master");
        model.list().refresh();
        assertThat(direct.session.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void knownReleasesOfferAliasesThenSuppliedThenRequestedReleases() {
        direct.session.open(new MasterProfile(
                "prod",
                MasterProfile.Kind.REMOTE,
                Optional.of(URI.create("https://master")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "#ff0000",
                Map.of("webrunner", "https://lab.example/software/slaprunner/software.cfg")));
        model.list().refresh();
        List<ReleaseChoice> choices =
                model.knownReleases(List.of("https://lab.example/software/re6st/software.cfg", KVM));
        assertThat(choices).extracting(ReleaseChoice::label).containsExactly("webrunner", "kvm", "re6st");
        assertThat(choices).extracting(ReleaseChoice::origin).containsExactly("alias", "supplied", "requested");
    }

    @Test
    void theTokenComesBackToTheCaller() {
        direct.connected();
        AtomicReference<NodeToken> token = new AtomicReference<>();
        model.tokens().requestToken(token::set);
        assertThat(token.get().token()).contains("one-time-token");
        assertThat(model.tokens().missingAuthority())
                .as("not the embedded master")
                .isEmpty();
    }

    @Test
    void withoutAMasterTheListSaysWhyItIsEmpty() {
        direct.session.open(null);
        assertThat(model.list().emptyText().get()).contains("No master configured");
        direct.connected();
        assertThat(model.list().emptyText().get())
                .as("connected but not read yet: the page is not empty, it is still reading")
                .isEqualTo("Reading servers…");
        direct.master.nodes.clear();
        model.list().refresh();
        assertThat(model.list().emptyText().get()).startsWith("No server yet");
    }
}
