package org.slapdesk.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as Python's {@code json.dumps(value, indent=N)} writes it (ensure_ascii, keys in
 * map order, {@code ", "}/{@code ": "} separators, floats as repr), and {@code json.loads}.
 * The JSON-in-XML {@code _} parameter must carry these bytes to match what slapos' client sends.
 */
public final class PythonJson {

    private static final JsonMapper READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private PythonJson() {}

    /** {@code json.dumps(value, indent=indent)}; a null indent gives the one-line form. */
    public static String dumps(Object value, Integer indent) {
        StringBuilder out = new StringBuilder();
        write(value, indent, 0, out);
        return out.toString();
    }

    /**
     * {@code json.loads}: objects become ordered maps, integers Long or BigInteger, other
     * numbers Double, as XmlMarshal represents Python values.
     */
    public static Object loads(String json) throws MarshalException {
        try {
            Object raw = READER.readValue(json, new TypeReference<Object>() {});
            return normaliseNumbers(raw);
        } catch (JsonProcessingException e) {
            throw new MarshalException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object normaliseNumbers(Object v) {
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normaliseNumbers(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(normaliseNumbers(x)));
            return out;
        }
        return v;
    }

    private static void write(Object v, Integer indent, int level, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof String s) {
            writeString(s, out);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.append(
                    Double.isNaN(d)
                            ? "NaN"
                            : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : XmlMarshal.pythonFloat(d));
        } else if (v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ",");
                newline(indent, level + 1, out);
                writeString(key(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), indent, level + 1, out);
                first = false;
            }
            newline(indent, level, out);
            out.append('}');
        } else if (v instanceof Collection<?> || v instanceof Tuple) {
            Collection<?> items = v instanceof Tuple t ? t.items() : (Collection<?>) v;
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : ",");
                newline(indent, level + 1, out);
                write(item, indent, level + 1, out);
                first = false;
            }
            newline(indent, level, out);
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    /** Python turns str, int, float, bool and None keys into strings; nothing else. */
    private static String key(Object k) {
        if (k instanceof String s) {
            return s;
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (k instanceof Double || k instanceof Float) {
            StringBuilder sb = new StringBuilder();
            write(k, null, 0, sb);
            return sb.toString();
        }
        if (k instanceof Number) {
            return k.toString();
        }
        throw new IllegalArgumentException(
                "JSON object keys must be strings, not " + k.getClass().getName());
    }

    private static void newline(Integer indent, int level, StringBuilder out) {
        if (indent == null) {
            if (out.charAt(out.length() - 1) == ',') {
                out.append(' ');
            }
            return;
        }
        out.append('\n');
        out.append(" ".repeat(indent * level));
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
