package org.slapdesk.core.monitor;

import java.util.Locale;
import org.slapdesk.core.health.Health;

/** A promise's last result as the monitor stack writes it ({@code "status"} of its status file). */
public enum PromiseStatus {
    OK,
    WARNING,
    ERROR,
    /** The status file said something else, or nothing. */
    UNKNOWN;

    public static PromiseStatus parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "OK" -> OK;
            case "WARNING", "WARN" -> WARNING;
            case "ERROR", "FAIL", "FAILED" -> ERROR;
            default -> UNKNOWN;
        };
    }

    /** The dashboard colour of this result: ERROR red, WARNING yellow, OK green, otherwise grey. */
    public Health.Level level() {
        return switch (this) {
            case OK -> Health.Level.GREEN;
            case WARNING -> Health.Level.YELLOW;
            case ERROR -> Health.Level.RED;
            case UNKNOWN -> Health.Level.GREY;
        };
    }
}
