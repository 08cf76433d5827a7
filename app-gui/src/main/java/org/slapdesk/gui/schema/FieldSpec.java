package org.slapdesk.gui.schema;

import java.util.List;
import java.util.Optional;

/**
 * One input of a generated parameter form: a top-level property of the request schema.
 * Objects and arrays are edited as JSON text.
 */
public record FieldSpec(
        String name,
        String title,
        String description,
        Type type,
        List<String> choices,
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
        choices = List.copyOf(choices);
    }

    public String label() {
        return title == null || title.isBlank() ? name : title;
    }
}
