package org.slapdesk.gui.schema;

import java.util.List;
import java.util.Optional;

/**
 * One input of a generated parameter form: a top-level property of the request schema.
 * Objects and arrays are edited as JSON text. {@code enumValues} keeps the enum's values with
 * their JSON types (an enum of numbers stays numbers); {@link #choices()} is how they read.
 */
public record FieldSpec(
        String name,
        String title,
        String description,
        Type type,
        List<Object> enumValues,
        Optional<String> defaultValue,
        boolean required) {

    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        CHOICE,
        JSON
    }

    public FieldSpec {
        enumValues = List.copyOf(enumValues);
    }

    public String label() {
        return title == null || title.isBlank() ? name : title;
    }

    /** The enum's values as the form shows them. */
    public List<String> choices() {
        return enumValues.stream().map(FieldValues::display).toList();
    }
}
