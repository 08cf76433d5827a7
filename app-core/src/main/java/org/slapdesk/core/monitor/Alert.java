package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert: something turned red. {@code subjects} has one row when one object turned red, or
 * every object that turned red together when a refresh turned many red at once ({@code summary}
 * true, one notification instead of a flood). {@code title} and {@code text} are ready to show
 * (e.g. as a desktop notification).
 */
public record Alert(
        long id, Instant at, String profile, String title, String text, boolean summary, List<WrongItem> subjects) {

    public Alert {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        subjects = List.copyOf(subjects);
    }
}
