package org.slapdesk.gui.notify;

import java.time.Instant;
import java.util.List;

/**
 * One message to the user; errors carry their causes in words and the technical details (the
 * stack trace) behind a "Details" button.
 */
public record Notification(
        long id, Level level, String title, String message, String details, Instant at, List<String> causes) {

    public enum Level {
        INFO,
        SUCCESS,
        WARNING,
        ERROR
    }

    /** Success notices go by themselves after a few seconds; everything else stays until dismissed. */
    public boolean fades() {
        return level == Level.SUCCESS;
    }

    public Notification {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    public Notification(long id, Level level, String title, String message, String details, Instant at) {
        this(id, level, title, message, details, at, List.of());
    }

    public boolean hasDetails() {
        return details != null && !details.isBlank();
    }
}
