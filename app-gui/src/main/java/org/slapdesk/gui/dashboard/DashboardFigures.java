package org.slapdesk.gui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.gui.page.Page;

/** What the dashboard shows of one fleet snapshot: counts per colour per kind, and what is wrong now. */
public record DashboardFigures(
        HealthCounts servers, HealthCounts installations, HealthCounts services, List<WrongRow> wrong) {

    public DashboardFigures {
        wrong = List.copyOf(wrong);
    }

    public static DashboardFigures none() {
        return new DashboardFigures(HealthCounts.none(), HealthCounts.none(), HealthCounts.none(), List.of());
    }

    public static DashboardFigures of(FleetSnapshot snapshot) {
        return new DashboardFigures(
                HealthCounts.of(snapshot.nodes().values()),
                HealthCounts.of(snapshot.installations().values()),
                HealthCounts.of(snapshot.services().values()),
                wrongNow(snapshot));
    }

    public HealthCounts counts(ObjectKind kind) {
        return switch (kind) {
            case SERVER -> servers;
            case INSTALLATION -> installations;
            case SERVICE -> services;
        };
    }

    private static List<WrongRow> wrongNow(FleetSnapshot snapshot) {
        List<WrongRow> out = new ArrayList<>();
        snapshot.nodes()
                .forEach((reference, node) -> add(
                        out,
                        ObjectKind.SERVER,
                        node.value().title().equals(reference)
                                ? reference
                                : node.value().title() + " (" + reference + ")",
                        node,
                        node.value().status(),
                        DashboardLink.object(Page.SERVERS, reference)));
        snapshot.installations()
                .forEach((key, installation) -> add(
                        out,
                        ObjectKind.INSTALLATION,
                        installation.value().softwareReleaseUrl() + " on "
                                + installation.value().computeNodeReference(),
                        installation,
                        installation.value().status(),
                        DashboardLink.object(Page.SERVERS, installation.value().computeNodeReference())));
        snapshot.services()
                .forEach((title, service) -> add(
                        out,
                        ObjectKind.SERVICE,
                        title,
                        service,
                        service.value().status(),
                        DashboardLink.object(Page.SERVICES, title)));
        out.sort(WrongRow.SEVERITY_THEN_AGE);
        return out;
    }

    private static void add(
            List<WrongRow> out,
            ObjectKind kind,
            String title,
            Tracked<?> tracked,
            Optional<AccessStatus> status,
            DashboardLink link) {
        Health health = tracked.health();
        if (health.level() != Health.Level.RED && health.level() != Health.Level.YELLOW) {
            return;
        }
        String text = status.filter(s -> s.kind() == AccessStatus.Kind.ERROR)
                .map(AccessStatus::text)
                .orElse(health.reason());
        out.add(new WrongRow(kind, title, health, text, status.map(AccessStatus::since), link));
    }
}
