package org.slapdesk.gui.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.slapdesk.core.health.Health;

/** One red or yellow object in "what is wrong now": what it is, why, since when, and where it is shown. */
public record WrongRow(
        ObjectKind kind, String title, Health health, String text, Optional<Instant> since, DashboardLink link) {

    /** Red before yellow, then the oldest first; objects without a known start last. */
    public static final Comparator<WrongRow> SEVERITY_THEN_AGE = Comparator.comparingInt(
                    (WrongRow item) -> item.health().level() == Health.Level.RED ? 0 : 1)
            .thenComparing(item -> item.since().orElse(Instant.MAX))
            .thenComparing(WrongRow::title);
}
