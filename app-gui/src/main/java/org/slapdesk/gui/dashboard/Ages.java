package org.slapdesk.gui.dashboard;

import java.time.Duration;
import java.time.Instant;

/** How long something has lasted, the way an operator says it: "45 s", "3 h 12 min", "2 d 4 h". */
public final class Ages {

    private Ages() {}

    public static String between(Instant since, Instant now) {
        if (since == null) {
            return "unknown";
        }
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
