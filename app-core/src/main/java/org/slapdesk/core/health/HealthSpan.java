package org.slapdesk.core.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of an object's history with one colour, for a per-object strip: {@code [from, to)},
 * clipped to the range asked for. {@code health} carries the reason recorded when the colour
 * changed.
 */
public record HealthSpan(Instant from, Instant to, Health health) {

    public HealthSpan {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(health, "health");
    }
}
