package org.slapdesk.gui.util;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the tables show them: "2 min ago", or a date for old ones. */
public final class Times {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Times() {}

    public static String ago(Instant at, Clock clock) {
        if (at == null) {
            return "never";
        }
        long seconds = Duration.between(at, clock.instant()).getSeconds();
        if (seconds < 0) {
            return DATE.format(at);
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return DATE.format(at);
    }

    public static String clock(Instant at) {
        return at == null ? "never" : CLOCK.format(at);
    }

    public static String date(Instant at) {
        return at == null ? "" : DATE.format(at);
    }
}
