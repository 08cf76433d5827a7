package org.slapdesk.core.store;

import java.time.Instant;
import java.util.Objects;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;

/**
 * One colour change of one object: from {@code at} on it had {@code health}; {@code removed}
 * marks the row written when the object left the master (its health is then grey).
 */
public record TransitionRow(ObjectRef object, Instant at, Health health, boolean removed) {

    public TransitionRow {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(health, "health");
    }
}
