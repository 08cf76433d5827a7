package org.slapdesk.core.monitor;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * The fleet as Prometheus gauges, read from each fleet's latest snapshot at scrape time (so a
 * scrape never calls the master). Health is a number: 0 green, 1 yellow, 2 red, 3 grey (no data
 * or not running); status is 1 on the series whose {@code status} label is what the master last
 * heard (access, error, building, unknown, none). An instance's title is the label
 * {@code instance_title}: Prometheus itself sets {@code instance} to the scraped target.
 */
public final class FleetMetrics {

    private final Supplier<List<MonitoredFleet>> fleets;
    private final Clock clock;

    private FleetMetrics(Supplier<List<MonitoredFleet>> fleets, Clock clock) {
        this.fleets = fleets;
        this.clock = clock;
    }

    /** Registers every slapdesk metric of the fleets {@code fleets} gives at each scrape in {@code registry}. */
    public static void register(Supplier<List<MonitoredFleet>> fleets, Clock clock, PrometheusRegistry registry) {
        new FleetMetrics(fleets, clock).registerAll(registry);
    }

    public static double healthValue(Health.Level level) {
        return switch (level) {
            case GREEN -> 0;
            case YELLOW -> 1;
            case RED -> 2;
            case GREY -> 3;
        };
    }

    /** How one kind of row becomes labels, and where its access status is. */
    private record Kind<T>(
            String prefix,
            String what,
            List<String> labelNames,
            Function<FleetSnapshot, ? extends Iterable<Tracked<T>>> rows,
            Function<T, List<String>> labels,
            Function<T, Optional<AccessStatus>> status) {}

    private void registerAll(PrometheusRegistry registry) {
        Kind<ComputeNode> nodes = new Kind<>(
                "slapdesk_node",
                "node (server)",
                List.of("node"),
                s -> s.nodes().values(),
                n -> List.of(n.reference()),
                ComputeNode::status);
        Kind<SoftwareInstallation> installations = new Kind<>(
                "slapdesk_software_installation",
                "software installation",
                List.of("node", "software_release"),
                s -> s.installations().values(),
                i -> List.of(i.computeNodeReference(), i.softwareReleaseUrl()),
                SoftwareInstallation::status);
        Kind<ComputePartition> instances = new Kind<>(
                "slapdesk_instance",
                "instance (busy partition)",
                List.of("node", "partition", "instance_title"),
                s -> s.instances().values(),
                p -> List.of(
                        p.computeNodeReference(),
                        p.reference(),
                        p.instanceTitle().orElse("")),
                ComputePartition::status);
        Kind<InstanceTree> services = new Kind<>(
                "slapdesk_service",
                "service (its root instance)",
                List.of("service"),
                s -> s.services().values(),
                t -> List.of(t.title()),
                InstanceTree::status);
        for (Kind<?> kind : List.of(nodes, installations, instances, services)) {
            registerKind(kind, registry);
        }
        registerPromises(registry);
        registerRefreshHealth(registry);
    }

    private void registerPromises(PrometheusRegistry registry) {
        GaugeWithCallback.builder()
                .name("slapdesk_promise_status")
                .help("Last result of each promise of the services' instance monitors:"
                        + " 0 OK, 1 WARNING, 2 ERROR, 3 unknown")
                .labelNames("profile", "service", "instance_title", "promise")
                .callback(out -> fleets.get().forEach(f -> f.promises().values().forEach(service -> service.promises()
                        .forEach(p -> out.call(
                                healthValue(p.status().level()),
                                f.profile(),
                                service.serviceTitle(),
                                p.instance(),
                                p.name())))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("slapdesk_monitor_up")
                .help("1 when the service's instance monitor could be read at the last refresh, else 0")
                .labelNames("profile", "service")
                .callback(out -> fleets.get().forEach(f -> f.promises()
                        .values()
                        .forEach(service ->
                                out.call(service.problem().isEmpty() ? 1 : 0, f.profile(), service.serviceTitle()))))
                .register(registry);
    }

    private <T> void registerKind(Kind<T> kind, PrometheusRegistry registry) {
        String[] labelNames = withProfile(kind.labelNames());
        GaugeWithCallback.builder()
                .name(kind.prefix() + "_health")
                .help("Health of each " + kind.what() + ": 0 green, 1 yellow, 2 red, 3 grey (no data / not running)")
                .labelNames(labelNames)
                .callback(out -> eachRow(
                        kind, (row, labels) -> out.call(healthValue(row.health().level()), labels)))
                .register(registry);
        GaugeWithCallback.builder()
                .name(kind.prefix() + "_contact_age_seconds")
                .help("Seconds since the master last heard from each " + kind.what() + " (absent when never)")
                .labelNames(labelNames)
                .callback(out -> eachRow(kind, (row, labels) -> kind.status()
                        .apply(row.value())
                        .filter(s -> s.createdAt() != null)
                        .ifPresent(s -> out.call(secondsSince(s), labels))))
                .register(registry);
        String[] statusLabels = withProfile(append(kind.labelNames(), "status"));
        GaugeWithCallback.builder()
                .name(kind.prefix() + "_status")
                .help("1 on the status each " + kind.what()
                        + " last reported: access, error, building, unknown or none")
                .labelNames(statusLabels)
                .callback(out -> eachRow(kind, (row, labels) -> {
                    String status = kind.status()
                            .apply(row.value())
                            .map(s -> s.kind().name().toLowerCase(Locale.ROOT))
                            .orElse("none");
                    out.call(1, append(labels, status));
                }))
                .register(registry);
    }

    private void registerRefreshHealth(PrometheusRegistry registry) {
        GaugeWithCallback.builder()
                .name("slapdesk_refresh_duration_seconds")
                .help("How long the last refresh of the fleet took")
                .labelNames("profile")
                .callback(out -> fleets.get().forEach(f -> out.call(seconds(f.lastDuration()), f.profile())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("slapdesk_last_complete_refresh_timestamp_seconds")
                .help("Unix time of the last refresh that read every node and the services (absent before)")
                .labelNames("profile")
                .callback(out -> fleets.get().forEach(f -> f.fleet()
                        .progress()
                        .lastCompleteRefresh()
                        .ifPresent(at -> out.call(at.toEpochMilli() / 1000.0, f.profile()))))
                .register(registry);
        CounterWithCallback.builder()
                .name("slapdesk_refresh_failures")
                .help("Refreshes that failed or read only part of the fleet")
                .labelNames("profile")
                .callback(out -> fleets.get().forEach(f -> out.call(f.failures(), f.profile())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("slapdesk_nodes_read")
                .help("Nodes read by the last refresh")
                .labelNames("profile")
                .callback(out -> fleets.get().forEach(f -> out.call(f.nodesRead(), f.profile())))
                .register(registry);
    }

    /** Receives one row with its label values (profile first). */
    private interface RowSink<T> {
        void accept(Tracked<T> row, String[] labels);
    }

    private <T> void eachRow(Kind<T> kind, RowSink<T> sink) {
        for (MonitoredFleet fleet : fleets.get()) {
            for (Tracked<T> row : kind.rows().apply(fleet.fleet().snapshot())) {
                List<String> labels = kind.labels().apply(row.value());
                sink.accept(row, withProfile(fleet.profile(), labels));
            }
        }
    }

    private double secondsSince(AccessStatus status) {
        return seconds(Duration.between(status.createdAt(), clock.instant()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String[] withProfile(List<String> names) {
        return withProfile("profile", names);
    }

    private static String[] withProfile(String first, List<String> rest) {
        String[] out = new String[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }

    private static List<String> append(List<String> list, String last) {
        return Stream.concat(list.stream(), Stream.of(last)).toList();
    }

    private static String[] append(String[] array, String last) {
        String[] out = Arrays.copyOf(array, array.length + 1);
        out[array.length] = last;
        return out;
    }
}
