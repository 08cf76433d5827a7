package org.slapdesk.core.master;

import java.util.Objects;

/**
 * Where a master's fleet-wide read stood: its change counter and the source (the database) the
 * counter counts in. A later read may ask for what changed after it, from the same source only.
 */
public record ChangeMark(String source, long counter) {

    public ChangeMark {
        Objects.requireNonNull(source, "source");
    }

    /** True when {@code later} can be a later mark of the same history (same source, not behind). */
    public boolean precedes(ChangeMark later) {
        return source.equals(later.source) && counter <= later.counter;
    }
}
