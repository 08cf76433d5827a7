package org.slapdesk.core.fleet;

import java.util.Objects;
import java.util.Optional;

/** One object added, changed or removed between two reads: {@code before} and {@code after} as held. */
public record FleetChange(
        FleetKind kind, Type type, String key, Optional<Tracked<?>> before, Optional<Tracked<?>> after) {

    public enum Type {
        ADDED,
        CHANGED,
        REMOVED
    }

    public FleetChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        before = before == null ? Optional.empty() : before;
        after = after == null ? Optional.empty() : after;
    }
}
