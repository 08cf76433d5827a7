package org.slapdesk.core.health;

import java.util.Objects;

/** A dashboard colour and the sentence that explains it to a user. */
public record Health(Level level, String reason) {

    /** The master dashboard's colours; GREY covers its "no data" and its white "not running" states. */
    public enum Level {
        GREEN,
        YELLOW,
        RED,
        GREY
    }

    public Health {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    public static Health green(String reason) {
        return new Health(Level.GREEN, reason);
    }

    public static Health yellow(String reason) {
        return new Health(Level.YELLOW, reason);
    }

    public static Health red(String reason) {
        return new Health(Level.RED, reason);
    }

    public static Health grey(String reason) {
        return new Health(Level.GREY, reason);
    }
}
