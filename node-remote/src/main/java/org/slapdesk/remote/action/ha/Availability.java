package org.slapdesk.remote.action.ha;

import java.util.Optional;

/** An OpenSVC status word ({@code up}, {@code stdby up}, ...) and its one-letter form in {@code om mon}. */
public enum Availability {
    UP("up", 'O'),
    DOWN("down", 'X'),
    WARN("warn", '!'),
    STANDBY_UP("stdby up", 'S'),
    STANDBY_DOWN("stdby down", 's'),
    NOT_APPLICABLE("n/a", '/'),
    UNDEFINED("undef", '?');

    private final String word;
    private final char icon;

    Availability(String word, char icon) {
        this.word = word;
        this.icon = icon;
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

    public static Optional<Availability> ofIcon(char icon) {
        for (Availability a : values()) {
            if (a.icon == icon && a != WARN) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
