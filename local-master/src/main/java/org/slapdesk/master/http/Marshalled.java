package org.slapdesk.master.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.Tuple;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.RequestError;

/** Decodes one xml_marshaller form field into the type the endpoint expects, or a 400 naming it. */
final class Marshalled {

    private Marshalled() {}

    private static Object load(String xml, String field) {
        try {
            return XmlMarshal.loads(xml);
        } catch (MarshalException e) {
            throw RequestError.badRequest(
                    "field '" + field + "' is not xml_marshaller XML: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw RequestError.badRequest("field '" + field + "' is not valid xml_marshaller XML: "
                    + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** A marshalled dict; an absent field is an empty dict. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> dictionary(String xml, String field) {
        if (xml == null || xml.isEmpty()) {
            return Map.of();
        }
        Object value = load(xml, field);
        if (value instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                if (!(key instanceof String)) {
                    throw RequestError.badRequest("field '" + field + "' must be a dictionary with string keys");
                }
            }
            return (Map<String, Object>) m;
        }
        throw RequestError.badRequest("field '" + field + "' must be a marshalled dictionary, found " + kind(value));
    }

    /** A marshalled str or None; an absent field is None. */
    static String optionalString(String xml, String field) {
        if (xml == null || xml.isEmpty()) {
            return null;
        }
        Object value = load(xml, field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw RequestError.badRequest(
                "field '" + field + "' must be a marshalled string or None, found " + kind(value));
    }

    /** A marshalled bool; an absent field is False. */
    static boolean bool(String xml, String field) {
        if (xml == null || xml.isEmpty()) {
            return false;
        }
        Object value = load(xml, field);
        if (value instanceof Boolean b) {
            return b;
        }
        throw RequestError.badRequest("field '" + field + "' must be a marshalled bool, found " + kind(value));
    }

    static List<Object> list(String xml, String field) {
        if (xml == null || xml.isEmpty()) {
            return List.of();
        }
        Object value = load(xml, field);
        if (value instanceof List<?> l) {
            return new ArrayList<Object>(l);
        }
        if (value instanceof Tuple t) {
            return t.items();
        }
        throw RequestError.badRequest("field '" + field + "' must be a marshalled list, found " + kind(value));
    }

    private static String kind(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Map) {
            return "a dictionary";
        }
        if (value instanceof List || value instanceof Tuple) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string";
        }
        return "a " + value.getClass().getSimpleName();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
