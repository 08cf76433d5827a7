package org.slapdesk.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.gui.page.Page;

class DashboardFiguresTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String KVM = "https://lab.example/kvm/software.cfg";

    @Test
    void countsEachKindPerColourAndListsRedBeforeYellowOldestFirst() {
        FleetSnapshot snapshot = new FleetSnapshot(
                Map.of(
                        "COMP-1", node("COMP-1", "#access ok", 60, Health.green("ok")),
                        "COMP-2", node("COMP-2", "#access ok", 3 * 3600, Health.red("silent for 3 h")),
                        "COMP-3", node("COMP-3", "#access ok", 600, Health.yellow("late"))),
                Map.of(),
                Map.of(
                        FleetSnapshot.installationKey("COMP-1", KVM),
                        new Tracked<>(
                                new SoftwareInstallation(
                                        KVM, "COMP-1", "available", status("#error build failed", 120)),
                                Health.red("error"))),
                Map.of(
                        "db", service("db", "#error while instanciating: no disk", 7200, Health.red("error")),
                        "web", service("web", "#access started", 30, Health.green("ok")),
                        "cache", service("cache", "#building", 30, Health.grey("Building"))),
                Optional.of(NOW),
                true);

        // the master gives no since for a silent node: the history says when it turned red
        DashboardFigures figures = DashboardFigures.of(
                "lab",
                snapshot,
                List.of(),
                ref -> ref.equals(new ObjectRef(ObjectRef.Kind.NODE, "COMP-2"))
                        ? Optional.of(NOW.minusSeconds(3 * 3600))
                        : Optional.empty());

        assertThat(figures.servers().count(Health.Level.GREEN)).isEqualTo(1);
        assertThat(figures.servers().count(Health.Level.RED)).isEqualTo(1);
        assertThat(figures.servers().count(Health.Level.YELLOW)).isEqualTo(1);
        assertThat(figures.installations().count(Health.Level.RED)).isEqualTo(1);
        assertThat(figures.services().count(Health.Level.GREY)).isEqualTo(1);
        assertThat(figures.services().total()).isEqualTo(3);
        assertThat(figures.wrong())
                .extracting(WrongRow::title)
                .containsExactly("COMP-2 title", "db", KVM + " on COMP-1", "COMP-3 title");
        assertThat(figures.wrong().get(0).since()).contains(NOW.minusSeconds(3 * 3600));
        WrongRow db = figures.wrong().get(1);
        assertThat(db.kind()).isEqualTo("service");
        assertThat(db.text()).isEqualTo("error");
        assertThat(db.since()).contains(NOW.minusSeconds(7200));
        assertThat(db.link()).isEqualTo(DashboardLink.object(Page.SERVICES, "db"));
        assertThat(figures.wrong().get(2).link()).isEqualTo(DashboardLink.object(Page.SERVERS, "COMP-1"));
    }

    @Test
    void tilesLeadToTheListFilteredByColour() {
        assertThat(DashboardLink.tile(ObjectKind.SERVER, Health.Level.RED))
                .isEqualTo(DashboardLink.filtered(Page.SERVERS, "health:red"));
        assertThat(DashboardLink.tile(ObjectKind.INSTALLATION, Health.Level.YELLOW))
                .isEqualTo(DashboardLink.filtered(Page.SERVERS, "software:yellow"));
        assertThat(DashboardLink.tile(ObjectKind.SERVICE, Health.Level.GREEN))
                .isEqualTo(DashboardLink.filtered(Page.SERVICES, "health:green"));
    }

    @Test
    void agesReadAsAnOperatorSaysThem() {
        assertThat(Ages.between(NOW.minusSeconds(42), NOW)).isEqualTo("42 s");
        assertThat(Ages.between(NOW.minus(Duration.ofMinutes(192)), NOW)).isEqualTo("3 h 12 min");
        assertThat(Ages.between(NOW.minus(Duration.ofHours(52)), NOW)).isEqualTo("2 d 4 h");
        assertThat(Ages.between(null, NOW)).isEqualTo("unknown");
    }

    private static Tracked<ComputeNode> node(String reference, String text, long ageSeconds, Health health) {
        return new Tracked<>(new ComputeNode(reference, reference + " title", status(text, ageSeconds)), health);
    }

    private static Tracked<InstanceTree> service(String title, String text, long ageSeconds, Health health) {
        return new Tracked<>(
                new InstanceTree(
                        title,
                        KVM,
                        Optional.of("default"),
                        Optional.of(RequestedState.STARTED),
                        false,
                        status(text, ageSeconds)),
                health);
    }

    private static Optional<AccessStatus> status(String text, long ageSeconds) {
        Instant at = NOW.minusSeconds(ageSeconds);
        return Optional.of(new AccessStatus(text, at, at));
    }
}
