package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;

/**
 * One row of "what is wrong now": a red or yellow object, a title a person recognises (a node's
 * title, a service's title, a promise's name with its service), the text that explains it (the
 * master's {@code #error …} text or the promise's message), since when it has been so (the
 * master's {@code since}, else the time the history saw the colour change) and where a click
 * leads.
 */
public record WrongItem(
        Health.Level level, ObjectRef object, String title, String text, Optional<Instant> since, LinkTarget link) {

    public WrongItem {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(link, "link");
        since = since == null ? Optional.empty() : since;
        if (level != Health.Level.RED && level != Health.Level.YELLOW) {
            throw new IllegalArgumentException("only red and yellow objects are wrong, not " + level);
        }
    }
}
