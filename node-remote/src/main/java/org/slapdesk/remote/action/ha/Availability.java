package org.slapdesk.remote.action.ha;

import java.util.Optional;

/** An OpenSVC status word ({@code up}, {@code stdby up}, ...) as the agent's JSON writes it. */
public enum Availability {
    UP("up"),
    DOWN("down"),
    WARN("warn"),
    STANDBY_UP("stdby up"),
    STANDBY_DOWN("stdby down"),
    NOT_APPLICABLE("n/a"),
    UNDEFINED("undef");

    private final String word;

    Availability(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public boolean isUp() {
        return this == UP;
    }

    public static Optional<Availability> ofWord(String word) {
        for (Availability a : values()) {
            if (a.word.equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
