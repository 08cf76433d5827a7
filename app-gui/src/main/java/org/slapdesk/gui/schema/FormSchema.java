package org.slapdesk.gui.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dereferenced request schema turned into form fields, and the validator for what the user
 * enters. Properties of {@code allOf} branches are merged, as the SlapOS parameter editor does.
 */
public final class FormSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FieldSpec> fields;
    private final JsonSchema validator;

    private FormSchema(List<FieldSpec> fields, JsonSchema validator) {
        this.fields = List.copyOf(fields);
        this.validator = validator;
    }

    public static FormSchema of(JsonNode schema) throws SchemaException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collect(schema, properties, required);
        List<FieldSpec> fields = new ArrayList<>();
        properties.forEach((name, property) -> fields.add(field(name, property, required.contains(name))));
        ObjectNode forValidation = schema.deepCopy();
        // the $refs are already resolved; the draft keyword would make the validator fetch a meta-schema
        forValidation.remove("$schema");
        forValidation.remove("$id");
        forValidation.remove("id");
        try {
            JsonSchema validator =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(forValidation);
            return new FormSchema(fields, validator);
        } catch (RuntimeException e) {
            throw new SchemaException("the request schema cannot be used for validation: " + e.getMessage(), e);
        }
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /**
     * The values with every text that reads as its property's type turned into that type: plain
     * instance XML carries only text, and "8080" for an integer port is what the master stores.
     * A text that does not read as the type stays text, for {@link #validate} to name.
     */
    public Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, typedValue(name, value)));
        return typed;
    }

    private Object typedValue(String name, Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        Optional<FieldSpec> spec =
                fields.stream().filter(f -> f.name().equals(name)).findFirst();
        if (spec.isEmpty() || spec.get().type() == FieldSpec.Type.STRING) {
            return value;
        }
        try {
            return FieldValues.parse(spec.get(), text).orElse(text);
        } catch (SchemaException e) {
            return text;
        }
    }

    /** Validation errors keyed by property name ({@code ""} for errors not tied to one property). */
    public Map<String, List<String>> validate(Map<String, Object> values) {
        JsonNode instance = JSON.valueToTree(values);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ValidationMessage message : validator.validate(instance)) {
            String property = "";
            if (message.getInstanceLocation() != null
                    && message.getInstanceLocation().getNameCount() > 0) {
                property = String.valueOf(message.getInstanceLocation().getElement(0));
            } else if (message.getProperty() != null) {
                property = message.getProperty();
            }
            errors.computeIfAbsent(property, k -> new ArrayList<>()).add(readable(message));
        }
        return errors;
    }

    private static String readable(ValidationMessage message) {
        String text = message.getMessage();
        // "$.size: must be ..." → "must be ..."
        int colon = text.indexOf(": ");
        return text.startsWith("$") && colon > 0 ? text.substring(colon + 2) : text;
    }

    private static void collect(JsonNode schema, Map<String, JsonNode> properties, Set<String> required) {
        JsonNode own = schema.path("properties");
        if (own.isObject()) {
            for (Map.Entry<String, JsonNode> entry : own.properties()) {
                properties.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("allOf").forEach(branch -> collect(branch, properties, required));
    }

    private static FieldSpec field(String name, JsonNode property, boolean required) {
        List<Object> choices = new ArrayList<>();
        property.path("enum").forEach(value -> choices.add(FieldValues.natural(value)));
        String type = property.path("type").isArray()
                ? property.path("type").path(0).asText("string")
                : property.path("type").asText(property.has("properties") ? "object" : "string");
        FieldSpec.Type kind;
        if (!choices.isEmpty()) {
            kind = FieldSpec.Type.CHOICE;
        } else {
            kind = switch (type) {
                case "integer" -> FieldSpec.Type.INTEGER;
                case "number" -> FieldSpec.Type.NUMBER;
                case "boolean" -> FieldSpec.Type.BOOLEAN;
                case "object", "array" -> FieldSpec.Type.JSON;
                default -> FieldSpec.Type.STRING;
            };
        }
        Optional<String> defaultValue = property.has("default")
                ? Optional.of(FieldValues.display(FieldValues.natural(property.get("default"))))
                : Optional.empty();
        return new FieldSpec(
                name,
                property.path("title").asText(""),
                property.path("description").asText(""),
                kind,
                choices,
                defaultValue,
                required);
    }
}
