package org.slapdesk.gui.health;

/** A health colour with the reason shown in its tooltip. */
public record Health(Level level, String reason) {

    public enum Level { GREEN, YELLOW, RED, GREY }

    public static Health grey(String reason) {
        return new Health(Level.GREY, reason);
    }

    public static Health green(String reason) {
        return new Health(Level.GREEN, reason);
    }

    public static Health red(String reason) {
        return new Health(Level.RED, reason);
    }
}
