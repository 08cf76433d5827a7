package org.slapdesk.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How many objects of one kind had each colour during one time bucket {@code [start, start +
 * width)}: the mean over the refreshes recorded in the bucket (so 9.5 red means red at half of
 * them), and the most objects seen red at once ({@code redMax}, so a short outage is not averaged
 * away on a week chart).
 */
public record ColourCounts(
        Instant start, Duration width, double green, double yellow, double red, double grey, int redMax) {

    public ColourCounts {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(width, "width");
    }

    public double of(Health.Level level) {
        return switch (level) {
            case GREEN -> green;
            case YELLOW -> yellow;
            case RED -> red;
            case GREY -> grey;
        };
    }

    public double total() {
        return green + yellow + red + grey;
    }
}
