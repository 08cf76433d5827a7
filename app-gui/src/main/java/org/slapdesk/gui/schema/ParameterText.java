package org.slapdesk.gui.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slapdesk.core.wire.InstanceXml;
import org.slapdesk.core.wire.MarshalException;

/**
 * Instance parameters as the raw text a user edits: JSON, or the master's instance XML
 * ({@code <instance><parameter id="k">v</parameter></instance>}; json-in-xml puts the whole
 * JSON in one {@code _} parameter), written and read by app-core's {@link InstanceXml}.
 */
public final class ParameterText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParameterText() {}

    public static String toJson(Map<String, Object> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters that cannot be written as JSON", e);
        }
    }

    public static Map<String, Object> fromJson(String text) throws SchemaException {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> parsed = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            return parsed == null ? new LinkedHashMap<>() : parsed;
        } catch (JsonProcessingException e) {
            throw new SchemaException(
                    "the parameters are not a JSON object: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")"),
                    e);
        }
    }

    /** The master's instance XML ({@link InstanceXml}); json-in-xml packs everything in one {@code _} parameter. */
    public static String toXml(Map<String, Object> parameters, boolean jsonInXml) {
        if (jsonInXml) {
            try {
                return InstanceXml.toXml(Map.of("_", new ObjectMapper().writeValueAsString(parameters)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("parameters that cannot be written as JSON", e);
            }
        }
        Map<String, Object> texts = new LinkedHashMap<>();
        parameters.forEach((key, value) -> texts.put(key, asText(value)));
        return InstanceXml.toXml(texts);
    }

    /** Reads instance XML; a lone {@code _} parameter holding a JSON object is unpacked. */
    public static Map<String, Object> fromXml(String text) throws SchemaException {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        Map<String, String> read;
        try {
            read = InstanceXml.fromXml(text.strip());
        } catch (MarshalException e) {
            throw new SchemaException(e.getMessage(), e);
        }
        if (read.size() == 1 && read.containsKey("_")) {
            return fromJson(read.get("_"));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        read.forEach((key, value) -> parameters.put(key, value == null ? "" : value));
        return parameters;
    }

    static String asText(Object value) {
        return FieldValues.display(value);
    }
}
