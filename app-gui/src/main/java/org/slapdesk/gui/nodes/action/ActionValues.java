package org.slapdesk.gui.nodes.action;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;

/** What the user typed in an action's form, read with the checks every action shares. */
public record ActionValues(Map<String, String> values) {

    public ActionValues {
        values = Map.copyOf(values);
    }

    public String text(String key) {
        return values.getOrDefault(key, "").strip();
    }

    /** Required: empty is refused, naming the field. */
    public String required(String key, String label) {
        String value = text(key);
        if (value.isEmpty()) {
            throw new InvalidInputException(label + " is required");
        }
        return value;
    }

    public Optional<String> optional(String key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    public int integer(String key, String label) {
        String value = required(key, label);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(label + ": '" + value + "' is not a whole number");
        }
    }

    /** Space- or comma-separated words. */
    public List<String> words(String key) {
        return Arrays.stream(text(key).split("[\\s,]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
