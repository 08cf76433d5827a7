package org.slapdesk.core.fleet;

import java.util.Objects;
import org.slapdesk.core.health.Health;

/** One object as the master last described it, with the colour the dashboard rules give it. */
public record Tracked<T>(T value, Health health) {
    public Tracked {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(health, "health");
    }
}
