package org.slapdesk.master;

import java.util.List;
import java.util.Map;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.Tuple;

/** Checks on decoded input: each failure is a 400 naming the field and what was expected. */
final class Fields {

    private Fields() {}

    static void require(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw RequestError.badRequest("missing field '" + field + "'");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                if (!(key instanceof String)) {
                    throw RequestError.badRequest(what + " must be a dictionary with string keys, found key " + key);
                }
            }
            return (Map<String, Object>) m;
        }
        throw RequestError.badRequest(what + " must be a dictionary, found " + typeName(value));
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value, String what) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (value instanceof Tuple t) {
            return t.items();
        }
        throw RequestError.badRequest(what + " must be a list, found " + typeName(value));
    }

    static String string(Map<String, Object> map, String key, String what) {
        Object v = map.get(key);
        if (v instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw RequestError.badRequest(what + " needs a non-empty string '" + key + "', found " + typeName(v));
    }

    static String optionalString(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw RequestError.badRequest("'" + key + "' must be a string, found " + typeName(v));
    }

    static List<Object> list(Map<String, Object> map, String key, String what) {
        if (!map.containsKey(key)) {
            throw RequestError.badRequest(what + " needs a list '" + key + "'");
        }
        return asList(map.get(key), "'" + key + "'");
    }

    static String typeName(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a bool";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Map) {
            return "a dictionary";
        }
        if (v instanceof List || v instanceof Tuple) {
            return "a list";
        }
        if (v instanceof SlapObject o) {
            return "a " + o.className() + " object";
        }
        return v.getClass().getSimpleName();
    }
}
