package org.slapdesk.gui.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.activity.ActivityEntry;
import org.slapdesk.gui.notify.Notification;

/** The count above the list, actions on several servers at once and the notice after a success. */
class ServersBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final String KVM = "https://lab.example/software/kvm/software.cfg";

    private final Direct direct = new Direct(NOW);
    private final ServersViewModel model =
            new ServersViewModel(direct.session, direct.tasks, direct.health, direct.activity, direct.clock);

    private ServersBatchTest() {
        direct.master.nodes.put(
                "COMP-0", FakeMaster.node("COMP-0", FakeMaster.access(NOW.minusSeconds(30)), 2, 0, List.of(KVM)));
        direct.master.nodes.put("COMP-1", FakeMaster.node("COMP-1", Optional.empty(), 2, 0, List.of(KVM)));
        direct.master.nodes.put(
                "COMP-2", FakeMaster.node("COMP-2", FakeMaster.access(NOW.minusSeconds(10)), 2, 0, List.of()));
    }

    @Test
    void theCountSaysHowManyServersHowManyShownAndHowManyWithProblems() {
        direct.connected();
        model.list().refresh();
        var summary = model.list().summary("server", "servers");
        assertThat(summary.get()).isEqualTo("3 servers, no problems");

        direct.master.nodes.put(
                "COMP-0",
                FakeMaster.node("COMP-0", FakeMaster.access(NOW.minus(Duration.ofMinutes(10))), 2, 0, List.of(KVM)));
        model.list().refresh();
        assertThat(summary.get()).isEqualTo("3 servers, 1 with problems");

        model.list().filterProperty().set("comp-2");
        assertThat(summary.get()).isEqualTo("1 of 3 servers shown, 1 with problems");
    }

    @Test
    void supplyToSeveralServersIsOneTaskWithAResultPerServerAndNamesThoseThatFailed() {
        direct.connected();
        model.list().refresh();
        direct.master.failNext = new MasterException.NotFound("/supplySupply", "COMP-9 is not a node of this master");

        model.supply(KVM, List.of("COMP-9", "COMP-1", "COMP-2"));

        assertThat(direct.master.calls)
                .as("the failure on COMP-9 does not stop the others")
                .containsExactly("supply " + KVM + " COMP-1", "supply " + KVM + " COMP-2");
        assertThat(direct.tasks.tasks())
                .extracting(t -> t.title())
                .filteredOn(title -> title.startsWith("Supply"))
                .containsExactly("Supply kvm on 3 servers");
        assertThat(direct.activity.entries())
                .extracting(ActivityEntry::target, e -> e.outcomeText().startsWith("done"))
                .containsExactlyInAnyOrder(
                        tuple(KVM + " on COMP-9", false),
                        tuple(KVM + " on COMP-1", true),
                        tuple(KVM + " on COMP-2", true));
        assertThat(direct.notifications.active())
                .extracting(Notification::level, Notification::title)
                .containsExactlyInAnyOrder(
                        tuple(Notification.Level.SUCCESS, "Supplied kvm to COMP-1 and COMP-2"),
                        tuple(Notification.Level.ERROR, "Supply kvm failed on 1 of 3 servers"));
        Notification error = direct.notifications.active().stream()
                .filter(n -> n.level() == Notification.Level.ERROR)
                .findFirst()
                .orElseThrow();
        assertThat(error.message()).isEqualTo("COMP-9: COMP-9 is not a node of this master");
    }

    @Test
    void removeFromSeveralServersOffersTheirReleasesAndSaysWhereItWasDone() {
        direct.connected();
        model.list().refresh();
        assertThat(model.releasesOn(List.copyOf(model.list().rows()))).containsExactly(KVM);

        model.remove(KVM, List.of("COMP-0", "COMP-1"));

        assertThat(direct.master.calls).containsExactly("remove " + KVM + " COMP-0", "remove " + KVM + " COMP-1");
        assertThat(direct.notifications.active())
                .extracting(Notification::title)
                .containsExactly("Removed kvm from COMP-0 and COMP-1");
        assertThat(direct.notifications.history())
                .as("a success notice is not kept with the problems")
                .isEmpty();
    }

    @Test
    void namesOfManyServersAreShortened() {
        assertThat(ServerOutcomes.names(List.of("A", "B", "C", "D", "E"))).isEqualTo("A, B, C and 2 more");
        assertThat(ServerOutcomes.names(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    }
}
