package org.slapdesk.core.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a node may stay silent before it turns yellow, then red. The defaults are the master
 * dashboard's (0.0025 and 0.005 day); an operator may choose others.
 */
public record HealthThresholds(Duration warningAfter, Duration errorAfter) {

    public static final HealthThresholds MASTER =
            new HealthThresholds(HealthRules.WARNING_AFTER, HealthRules.ERROR_AFTER);

    public HealthThresholds {
        Objects.requireNonNull(warningAfter, "warningAfter");
        Objects.requireNonNull(errorAfter, "errorAfter");
        if (warningAfter.isNegative() || warningAfter.isZero()) {
            throw new IllegalArgumentException("the warning threshold must be positive, not " + warningAfter);
        }
        if (errorAfter.compareTo(warningAfter) < 0) {
            throw new IllegalArgumentException("the error threshold (" + errorAfter
                    + ") must not come before the warning one (" + warningAfter + ")");
        }
    }
}
