package org.slapdesk.gui.notify;

import java.time.Instant;

/** One message to the user; errors carry the technical details behind a "Details" button. */
public record Notification(long id, Level level, String title, String message, String details, Instant at) {

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

    public boolean hasDetails() {
        return details != null && !details.isBlank();
    }
}
