package org.slapdesk.gui.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Instance parameters as the raw text a user edits: JSON, or the master's instance XML
 * ({@code <instance><parameter id="k">v</parameter></instance>}; json-in-xml puts the whole
 * JSON in one {@code _} parameter). Parsing goes through {@link SafeXml}.
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
            Map<String, Object> parsed = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            return parsed == null ? new LinkedHashMap<>() : parsed;
        } catch (JsonProcessingException e) {
            throw new SchemaException("the parameters are not a JSON object: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    public static String toXml(Map<String, Object> parameters, boolean jsonInXml) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n<instance>\n");
        if (jsonInXml) {
            try {
                appendParameter(xml, "_", new ObjectMapper().writeValueAsString(parameters));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("parameters that cannot be written as JSON", e);
            }
        } else {
            parameters.forEach((key, value) -> appendParameter(xml, key, asText(value)));
        }
        return xml.append("</instance>\n").toString();
    }

    /** Reads instance XML; a lone {@code _} parameter holding a JSON object is unpacked. */
    public static Map<String, Object> fromXml(String text) throws SchemaException {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        Document document;
        try {
            document = SafeXml.parse(text);
        } catch (MarshalException e) {
            throw new SchemaException(e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"instance".equals(root.getTagName())) {
            throw new SchemaException("the parameter XML must have <instance> as its root, not <" + root.getTagName() + ">");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        NodeList children = root.getElementsByTagName("parameter");
        for (int i = 0; i < children.getLength(); i++) {
            Element parameter = (Element) children.item(i);
            if (!parameter.hasAttribute("id")) {
                throw new SchemaException("a <parameter> has no id attribute: write <parameter id=\"name\">value</parameter>");
            }
            parameters.put(parameter.getAttribute("id"), parameter.getTextContent());
        }
        if (parameters.size() == 1 && parameters.containsKey("_")) {
            return fromJson((String) parameters.get("_"));
        }
        return parameters;
    }

    static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof Iterable) {
            try {
                return new ObjectMapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }

    private static void appendParameter(StringBuilder xml, String key, String value) {
        xml.append("  <parameter id=\"").append(escape(key, true)).append("\">")
                .append(escape(value, false)).append("</parameter>\n");
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
