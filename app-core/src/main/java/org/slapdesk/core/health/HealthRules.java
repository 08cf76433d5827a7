package org.slapdesk.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;

/**
 * The master dashboard's colour rules (docs/protocol.md, "Access status and health", the status
 * gadget of slapos_panel), applied to access statuses with an injected clock.
 *
 * <p>A node's last contact is "old" as the master computes it: more than 0.0025 day (3.6 min)
 * gives the warning flag it calls {@code no_data_since_5_minutes}, more than 0.005 day (7.2 min)
 * the error flag {@code no_data_since_15_minutes}. The names say 5 and 15; the numbers are the
 * master's.
 */
public final class HealthRules {

    /** 0.0025 day: beyond it an {@code #access} node turns yellow. */
    public static final Duration WARNING_AFTER = Duration.ofMillis(216_000);
    /** 0.005 day: beyond it an {@code #access} node turns red. */
    public static final Duration ERROR_AFTER = Duration.ofMillis(432_000);

    private final Clock clock;
    private final Supplier<HealthThresholds> thresholds;

    /** The master's own thresholds. */
    public HealthRules(Clock clock) {
        this(clock, () -> HealthThresholds.MASTER);
    }

    /** Thresholds the operator chose; read on every rule applied, so a change shows at the next refresh. */
    public HealthRules(Clock clock, Supplier<HealthThresholds> thresholds) {
        this.clock = clock;
        this.thresholds = thresholds;
    }

    /** Compute node: green when it called recently, yellow then red as its last call ages. */
    public Health node(Optional<AccessStatus> status) {
        if (status.isEmpty()
                || status.get().text() == null
                || status.get().text().isEmpty()) {
            return Health.grey("The node has never contacted the master");
        }
        AccessStatus s = status.get();
        if (s.kind() != AccessStatus.Kind.ACCESS) {
            return Health.red("The node reports: " + s.text());
        }
        if (s.createdAt() == null) {
            return Health.green("The node contacted the master");
        }
        Duration age = Duration.between(s.createdAt(), clock.instant());
        HealthThresholds limits = thresholds.get();
        if (age.compareTo(limits.errorAfter()) > 0) {
            return Health.red("No contact from the node for " + describe(age) + " (more than "
                    + minutes(limits.errorAfter()) + ")");
        }
        if (age.compareTo(limits.warningAfter()) > 0) {
            return Health.yellow("No contact from the node for " + describe(age) + " (more than "
                    + minutes(limits.warningAfter()) + ")");
        }
        return Health.green("The node contacted the master " + describe(age) + " ago");
    }

    /** Software installation: Available, Building or Error. */
    public Health softwareInstallation(Optional<AccessStatus> status) {
        if (status.isEmpty()
                || status.get().text() == null
                || status.get().text().isEmpty()) {
            return Health.grey("The node has not reported on this software yet");
        }
        AccessStatus s = status.get();
        return switch (s.kind()) {
            case ACCESS -> Health.green("Available");
            case BUILDING -> Health.grey("Building");
            default -> Health.red("Error: " + s.text());
        };
    }

    /**
     * Instance: green on {@code #access} whatever its state; otherwise shared, stopped and
     * destroyed instances are grey (the dashboard's white) and the rest red.
     */
    public Health instance(Optional<AccessStatus> status, boolean shared, RequestedState requested) {
        if (status.isEmpty()
                || status.get().text() == null
                || status.get().text().isEmpty()) {
            return Health.grey("The instance has not reported yet");
        }
        AccessStatus s = status.get();
        if (s.kind() == AccessStatus.Kind.ACCESS) {
            return Health.green("Running: " + s.text());
        }
        if (shared) {
            return Health.grey("Shared instance");
        }
        if (requested == RequestedState.STOPPED) {
            return Health.grey("Stopped");
        }
        if (requested == RequestedState.DESTROYED) {
            return Health.grey("Destroyed");
        }
        return Health.red("The instance reports: " + s.text());
    }

    public Health instance(SoftwareInstance instance) {
        return instance(instance.status(), instance.shared(), instance.requestedState());
    }

    /**
     * Instance tree: grey when shared-only, stopped or destroyed, or when its instances are not
     * known (null); red when one of its instances reports an error (one that never reported
     * counts as an error, as the master's "#error no data found"); green otherwise.
     */
    public Health instanceTree(boolean sharedOnly, RequestedState requested, List<Optional<AccessStatus>> instances) {
        return asTheMasterSays(sharedOnly, requested, instances);
    }

    /**
     * As above, but a service none of whose instances reports an error and some have never
     * reported, waiting since {@code waitingSince}, is grey "waiting" while its node may not have
     * run yet: for the time after which a silent node turns red ({@link HealthThresholds#errorAfter}).
     */
    public Health instanceTree(
            boolean sharedOnly,
            RequestedState requested,
            List<Optional<AccessStatus>> instances,
            Optional<Instant> waitingSince) {
        Health health = asTheMasterSays(sharedOnly, requested, instances);
        if (health.level() != Health.Level.RED || waitingSince.isEmpty()) {
            return health;
        }
        boolean anError =
                instances.stream().anyMatch(i -> i.isPresent() && i.get().kind() == AccessStatus.Kind.ERROR);
        Duration waited = Duration.between(waitingSince.get(), clock.instant());
        if (anError || waited.compareTo(thresholds.get().errorAfter()) >= 0) {
            return health;
        }
        return Health.grey(
                "Waiting for its node's first report (requested, nothing heard for " + describe(waited) + ")");
    }

    private static Health asTheMasterSays(
            boolean sharedOnly, RequestedState requested, List<Optional<AccessStatus>> instances) {
        if (sharedOnly) {
            return Health.grey("Shared instances only");
        }
        if (requested == RequestedState.STOPPED) {
            return Health.grey("Stopped");
        }
        if (requested == RequestedState.DESTROYED) {
            return Health.grey("Destroyed");
        }
        if (instances == null) {
            return Health.grey("The instances of this service are not known yet");
        }
        long failing = instances.stream()
                .filter(i -> i.isEmpty() || i.get().kind() == AccessStatus.Kind.ERROR)
                .count();
        if (failing > 0) {
            String first = instances.stream()
                    .filter(i -> i.isPresent() && i.get().kind() == AccessStatus.Kind.ERROR)
                    .map(i -> i.get().text())
                    .findFirst()
                    .orElse("#error no data found");
            return Health.red(failing + " of " + instances.size() + " instances report an error: " + first);
        }
        return Health.green(
                instances.isEmpty()
                        ? "No instance reports an error (none is allocated yet)"
                        : "All " + instances.size() + " instances are fine");
    }

    public Health instanceTree(InstanceTree tree, List<SoftwareInstance> instances) {
        return instanceTree(
                tree.shared(),
                tree.requestedState().orElse(RequestedState.STARTED),
                instances == null
                        ? null
                        : instances.stream().map(SoftwareInstance::status).toList());
    }

    public Instant now() {
        return clock.instant();
    }

    /** "7.2 minutes", "5 minutes": the threshold as the reason quotes it. */
    private static String minutes(Duration threshold) {
        double value = threshold.toMillis() / 60_000.0;
        String number = value == Math.rint(value)
                ? String.valueOf((long) value)
                : String.valueOf(Math.round(value * 10) / 10.0);
        return number + (number.equals("1") ? " minute" : " minutes");
    }

    private static String describe(Duration age) {
        if (age.isNegative()) {
            return "0 s";
        }
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min" + (seconds % 60 == 0 ? "" : " " + (seconds % 60) + " s");
        }
        if (seconds < 2 * 86400) {
            return (seconds / 3600) + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + (seconds % 3600 / 60) + " min");
        }
        return (seconds / 86400) + " days";
    }
}
