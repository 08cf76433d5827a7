package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * "What is wrong now": every red or yellow node, software installation, instance, service and
 * promise, most severe first (red before yellow) and, within a colour, the oldest problem first
 * (objects with no known start last). Pure: no I/O.
 */
public final class WhatIsWrong {

    /** Red first, then the oldest start first, unknown starts last, then by title for a stable order. */
    static final Comparator<WrongItem> ORDER = Comparator.comparing((WrongItem w) -> w.level() != Health.Level.RED)
            .thenComparing(w -> w.since().orElse(Instant.MAX))
            .thenComparing(WrongItem::title);

    private WhatIsWrong() {}

    /**
     * The wrong objects of {@code snapshot} and {@code promises}. Since when: for an object whose
     * master status is an error, the master's {@code since}; for a silent node its last contact;
     * otherwise (a red service) the time {@code changedAt} gives (e.g. {@link
     * HealthHistoryStore#changedAt}), else the master's last contact; for a promise its change time.
     */
    public static List<WrongItem> list(
            String profile,
            FleetSnapshot snapshot,
            Collection<ServicePromises> promises,
            Function<ObjectRef, Optional<Instant>> changedAt) {
        List<WrongItem> out = new ArrayList<>();
        for (Map.Entry<String, Tracked<ComputeNode>> e : snapshot.nodes().entrySet()) {
            ComputeNode node = e.getValue().value();
            add(
                    out,
                    profile,
                    ObjectRef.Kind.NODE,
                    e.getKey(),
                    node.title(),
                    e.getValue().health(),
                    node.status(),
                    changedAt);
        }
        for (Map.Entry<String, Tracked<SoftwareInstallation>> e :
                snapshot.installations().entrySet()) {
            SoftwareInstallation software = e.getValue().value();
            String title = software.softwareReleaseUrl() + " on " + software.computeNodeReference();
            add(
                    out,
                    profile,
                    ObjectRef.Kind.SOFTWARE_INSTALLATION,
                    e.getKey(),
                    title,
                    e.getValue().health(),
                    software.status(),
                    changedAt);
        }
        for (Map.Entry<String, Tracked<ComputePartition>> e :
                snapshot.instances().entrySet()) {
            ComputePartition partition = e.getValue().value();
            String title = e.getKey() + " (" + partition.computeNodeReference() + " " + partition.reference() + ")";
            add(
                    out,
                    profile,
                    ObjectRef.Kind.INSTANCE,
                    e.getKey(),
                    title,
                    e.getValue().health(),
                    partition.status(),
                    changedAt);
        }
        for (Map.Entry<String, Tracked<InstanceTree>> e : snapshot.services().entrySet()) {
            add(
                    out,
                    profile,
                    ObjectRef.Kind.INSTANCE_TREE,
                    e.getKey(),
                    e.getKey(),
                    e.getValue().health(),
                    e.getValue().value().status(),
                    changedAt);
        }
        for (ServicePromises service : promises) {
            addPromises(out, profile, service, changedAt);
        }
        out.sort(ORDER);
        return out;
    }

    public static List<WrongItem> list(String profile, FleetSnapshot snapshot, Collection<ServicePromises> promises) {
        return list(profile, snapshot, promises, ref -> Optional.empty());
    }

    private static void add(
            List<WrongItem> out,
            String profile,
            ObjectRef.Kind kind,
            String reference,
            String title,
            Health health,
            Optional<AccessStatus> status,
            Function<ObjectRef, Optional<Instant>> changedAt) {
        if (!isWrong(health.level())) {
            return;
        }
        ObjectRef ref = new ObjectRef(kind, reference);
        Optional<Instant> since = status.filter(s -> s.kind() == AccessStatus.Kind.ERROR)
                .map(AccessStatus::since)
                // a silent node is wrong since it last called, whenever the history first saw it
                .or(() -> kind == ObjectRef.Kind.NODE ? status.map(AccessStatus::createdAt) : Optional.empty())
                .or(() -> changedAt.apply(ref))
                .or(() -> status.map(AccessStatus::createdAt));
        out.add(new WrongItem(
                health.level(), ref, title, health.reason(), since, new LinkTarget(profile, kind, reference)));
    }

    private static void addPromises(
            List<WrongItem> out,
            String profile,
            ServicePromises service,
            Function<ObjectRef, Optional<Instant>> changedAt) {
        LinkTarget link = new LinkTarget(profile, ObjectRef.Kind.INSTANCE_TREE, service.serviceTitle());
        if (service.problem().isPresent()) {
            ObjectRef ref = new ObjectRef(ObjectRef.Kind.PROMISE, service.serviceTitle() + "/-/monitor");
            out.add(new WrongItem(
                    Health.Level.YELLOW,
                    ref,
                    "monitor of " + service.serviceTitle(),
                    "The monitor cannot be read: " + service.problem().get(),
                    changedAt.apply(ref),
                    link));
            return;
        }
        for (PromiseResult promise : service.promises()) {
            Health.Level level = promise.status().level();
            if (!isWrong(level)) {
                continue;
            }
            ObjectRef ref = promise.ref(service.serviceTitle());
            String text = promise.status() + (promise.message().isEmpty() ? "" : ": " + promise.message());
            out.add(new WrongItem(
                    level,
                    ref,
                    promise.name() + " (" + service.serviceTitle() + ", " + promise.instance() + ")",
                    text,
                    promise.since().or(() -> changedAt.apply(ref)).or(promise::lastRun),
                    link));
        }
    }

    private static boolean isWrong(Health.Level level) {
        return level == Health.Level.RED || level == Health.Level.YELLOW;
    }
}
