package org.slapdesk.core.store;

import org.slapdesk.core.health.Health;

/** How many objects of one kind had each colour at one refresh. */
public record LevelCounts(int green, int yellow, int red, int grey) {

    public static final LevelCounts NONE = new LevelCounts(0, 0, 0, 0);

    public LevelCounts plus(Health.Level level) {
        return switch (level) {
            case GREEN -> new LevelCounts(green + 1, yellow, red, grey);
            case YELLOW -> new LevelCounts(green, yellow + 1, red, grey);
            case RED -> new LevelCounts(green, yellow, red + 1, grey);
            case GREY -> new LevelCounts(green, yellow, red, grey + 1);
        };
    }
}
