package org.slapdesk.gui.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.core.model.SoftwareInstance;

/**
 * The master dashboard's colour rules (PEERS.md §1.3) as the GUI applies them to each kind of
 * object.
 */
public final class HealthRules {

    /** 0.0025 day and 0.005 day: the panel's thresholds (its flags are named 5 and 15 minutes). */
    private static final Duration NODE_LATE = Duration.ofMillis((long) (0.0025 * 86_400_000));
    private static final Duration NODE_LOST = Duration.ofMillis((long) (0.005 * 86_400_000));

    private final Clock clock;

    public HealthRules(Clock clock) {
        this.clock = clock;
    }

    public Health node(Optional<AccessStatus> status) {
        if (status.isEmpty() || status.get().kind() == AccessStatus.Kind.UNKNOWN) {
            return Health.grey("no data: the node has not contacted the master");
        }
        AccessStatus access = status.get();
        if (access.kind() == AccessStatus.Kind.ERROR) {
            return Health.red(access.text());
        }
        if (access.createdAt() == null) {
            return Health.green(access.text());
        }
        Duration silent = Duration.between(access.createdAt(), clock.instant());
        if (silent.compareTo(NODE_LOST) > 0) {
            return Health.red("no contact for " + human(silent));
        }
        if (silent.compareTo(NODE_LATE) > 0) {
            return new Health(Health.Level.YELLOW, "no contact for " + human(silent));
        }
        return Health.green("contacted " + human(silent) + " ago");
    }

    public Health installation(SoftwareInstallation installation) {
        Optional<AccessStatus> status = installation.status();
        if (status.isEmpty()) {
            return Health.grey("no data yet");
        }
        return switch (status.get().kind()) {
            case ACCESS -> Health.green("Available");
            case BUILDING -> Health.grey("Building");
            default -> Health.red("Error: " + status.get().text());
        };
    }

    public Health instance(SoftwareInstance instance) {
        if (instance.shared()) {
            return Health.grey("shared instance");
        }
        return instanceStatus(instance.requestedState(), instance.status());
    }

    public Health partition(ComputePartition partition) {
        if (partition.instanceTitle().isEmpty()) {
            return Health.grey("free");
        }
        return instanceStatus(partition.requestedState().orElse(RequestedState.STARTED), partition.status());
    }

    /** A service as listed (only the root's status is known). */
    public Health tree(InstanceTree tree) {
        if (tree.shared()) {
            return Health.grey("shared instance");
        }
        return instanceStatus(tree.requestedState().orElse(RequestedState.STARTED), tree.status());
    }

    /** A service: grey when shared, stopped or destroyed; otherwise judged by all its instances. */
    public Health service(org.slapdesk.core.model.ServiceDetail detail) {
        InstanceTree tree = detail.tree();
        RequestedState requested = tree.requestedState()
                .or(() -> detail.instances().stream().findFirst().map(SoftwareInstance::requestedState))
                .orElse(RequestedState.STARTED);
        if (tree.shared()) {
            return Health.grey("shared instance");
        }
        if (requested != RequestedState.STARTED) {
            return Health.grey(requested.wireName());
        }
        if (detail.instances().stream().allMatch(i -> i.status().isEmpty()) && !detail.instances().isEmpty()) {
            return Health.grey("no data: no instance has reported yet");
        }
        return tree(detail.instances());
    }

    /** A service with all its instances: red when any reports an error or when it has none. */
    public Health tree(List<SoftwareInstance> instances) {
        if (instances.isEmpty()) {
            return Health.red("Empty: no instance allocated");
        }
        for (SoftwareInstance instance : instances) {
            if (instance.status().map(s -> s.kind() == AccessStatus.Kind.ERROR).orElse(false)) {
                return Health.red(instance.title() + ": " + instance.status().get().text());
            }
        }
        return Health.green("no instance reports an error");
    }

    private Health instanceStatus(RequestedState requested, Optional<AccessStatus> status) {
        if (requested == RequestedState.STOPPED) {
            return Health.grey("stopped");
        }
        if (requested == RequestedState.DESTROYED) {
            return Health.grey("destroyed");
        }
        if (status.isEmpty() || status.get().kind() == AccessStatus.Kind.UNKNOWN) {
            return Health.grey("no data: the instance has not reported yet");
        }
        return status.get().kind() == AccessStatus.Kind.ACCESS
                ? Health.green(status.get().text())
                : Health.red(status.get().text());
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " days";
    }
}
