package org.slapdesk.gui.dashboard;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.monitor.ServiceHealth;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.core.monitor.WhatIsWrong;

/**
 * What the dashboard shows of one fleet snapshot: counts per colour per kind (a service with its
 * promises, as the Services page colours it), and what is wrong now.
 */
public record DashboardFigures(
        HealthCounts servers, HealthCounts installations, HealthCounts services, List<WrongRow> wrong) {

    public DashboardFigures {
        wrong = List.copyOf(wrong);
    }

    public static DashboardFigures none() {
        return new DashboardFigures(HealthCounts.none(), HealthCounts.none(), HealthCounts.none(), List.of());
    }

    /** {@code changedAt}: when an object's colour started, for the objects whose master gives no {@code since}. */
    public static DashboardFigures of(
            String profile,
            FleetSnapshot snapshot,
            Collection<ServicePromises> promises,
            Function<ObjectRef, Optional<Instant>> changedAt) {
        Map<String, ServicePromises> byService = new HashMap<>();
        promises.forEach(service -> byService.put(service.serviceTitle(), service));
        List<Health> services = snapshot.services().values().stream()
                .map(tree -> ServiceHealth.withPromises(
                        tree.health(),
                        Optional.ofNullable(byService.get(tree.value().title()))))
                .toList();
        return new DashboardFigures(
                HealthCounts.of(snapshot.nodes().values()),
                HealthCounts.of(snapshot.installations().values()),
                HealthCounts.ofHealth(services),
                WhatIsWrong.list(profile, snapshot, promises, changedAt).stream()
                        .map(WrongRow::of)
                        .toList());
    }

    public HealthCounts counts(ObjectKind kind) {
        return switch (kind) {
            case SERVER -> servers;
            case INSTALLATION -> installations;
            case SERVICE -> services;
        };
    }
}
