package org.slapdesk.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time range {@code [from, to)} a history query covers. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a time range ends after it starts: " + from + " .. " + to);
        }
    }

    /** The {@code length} of time that ends now. */
    public static TimeRange last(Duration length, Clock clock) {
        Instant now = clock.instant();
        return new TimeRange(now.minus(length), now);
    }

    public static TimeRange lastHour(Clock clock) {
        return last(Duration.ofHours(1), clock);
    }

    public static TimeRange lastDay(Clock clock) {
        return last(Duration.ofDays(1), clock);
    }

    public static TimeRange lastWeek(Clock clock) {
        return last(Duration.ofDays(7), clock);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
