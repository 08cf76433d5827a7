package org.slapdesk.gui.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text typed into a form field read as the schema's type, and back. Values come out as the
 * Java types Jackson reads from JSON (Integer / Long / BigInteger, Integer / Double, Boolean,
 * List, Map), so a value survives a trip through JSON or XML text unchanged and compares equal.
 */
public final class FieldValues {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FieldValues() {}

    /** The field's value as the schema's type; empty when the text is blank. */
    public static Optional<Object> parse(FieldSpec spec, String text) throws SchemaException {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (spec.type()) {
                    case INTEGER -> integer(trimmed);
                    case NUMBER -> number(trimmed);
                    case BOOLEAN -> bool(trimmed);
                    case CHOICE -> choice(spec, trimmed);
                    case JSON -> json(trimmed);
                    case STRING -> trimmed;
                });
    }

    /** How a value reads in a form field or in plain instance XML. */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a value that cannot be written as JSON", e);
            }
        }
        return String.valueOf(value);
    }

    private static Object integer(String text) throws SchemaException {
        JsonNode node = readOrNull(text);
        if (node == null || !node.isIntegralNumber()) {
            throw new SchemaException("'" + text + "' is not a whole number");
        }
        return natural(node);
    }

    private static Object number(String text) throws SchemaException {
        JsonNode node = readOrNull(text);
        if (node == null || !node.isNumber()) {
            throw new SchemaException("'" + text + "' is not a number");
        }
        return natural(node);
    }

    private static Boolean bool(String text) throws SchemaException {
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new SchemaException("'" + text + "' is not true or false");
    }

    /** The enum value that reads as the text; an unknown text stays text, for the validator to name. */
    private static Object choice(FieldSpec spec, String text) {
        return spec.enumValues().stream()
                .filter(value -> display(value).equals(text))
                .findFirst()
                .orElse(text);
    }

    private static Object json(String text) throws SchemaException {
        try {
            return natural(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new SchemaException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode readOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Object natural(JsonNode node) {
        try {
            return JSON.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that does not convert", e);
        }
    }
}
