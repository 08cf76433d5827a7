package org.slapdesk.gui.nodes.action;

import java.util.List;

/** One option of a node action as the wizard's form shows it. */
public record ActionField(String key, String label, Kind kind, String defaultValue, List<String> choices, String hint) {

    public enum Kind {
        TEXT,
        /** Shown masked and never logged (registration and re6st tokens). */
        SECRET,
        CHOICE,
        /** A check box: "true" or "false". */
        FLAG
    }

    public ActionField {
        choices = List.copyOf(choices);
    }

    public static ActionField text(String key, String label, String defaultValue, String hint) {
        return new ActionField(key, label, Kind.TEXT, defaultValue, List.of(), hint);
    }

    public static ActionField secret(String key, String label, String hint) {
        return new ActionField(key, label, Kind.SECRET, "", List.of(), hint);
    }

    public static ActionField choice(String key, String label, List<String> choices, String hint) {
        return new ActionField(key, label, Kind.CHOICE, choices.get(0), choices, hint);
    }

    public static ActionField flag(String key, String label, boolean defaultValue, String hint) {
        return new ActionField(key, label, Kind.FLAG, Boolean.toString(defaultValue), List.of(), hint);
    }
}
