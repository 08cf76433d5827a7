package org.slapdesk.core.fleet;

import java.util.Objects;
import org.slapdesk.core.health.Health;

/** An object whose colour changed between two reads (the alerts' input): old and new health. */
public record HealthTransition(FleetKind kind, String key, Health from, Health to) {
    public HealthTransition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
