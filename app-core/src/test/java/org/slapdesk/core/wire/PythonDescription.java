package org.slapdesk.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed JSON description of a value that interop/codec.py writes and reads: the same
 * value on both sides of the Python/Java border, with shared containers as {@code ref} ids.
 */
final class PythonDescription {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonDescription() {}

    /** Builds the Java value a description stands for, sharing containers as the ids say. */
    static Object toValue(JsonNode d) {
        return toValue(d, new HashMap<>());
    }

    private static Object toValue(JsonNode d, Map<Integer, Object> byId) {
        String t = d.get("t").asText();
        switch (t) {
            case "none":
                return null;
            case "bool":
                return d.get("v").asBoolean();
            case "int": {
                BigInteger big = new BigInteger(d.get("v").asText());
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            case "float":
                return switch (d.get("v").asText()) {
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "nan" -> Double.NaN;
                    default -> Double.parseDouble(d.get("v").asText());
                };
            case "str":
                return d.get("v").asText();
            case "tuple": {
                List<Object> items = new ArrayList<>();
                d.get("v").forEach(x -> items.add(toValue(x, byId)));
                return new Tuple(items);
            }
            case "ref":
                return byId.get(d.get("id").asInt());
            case "list": {
                List<Object> list = new ArrayList<>();
                byId.put(d.get("id").asInt(), list);
                d.get("v").forEach(x -> list.add(toValue(x, byId)));
                return list;
            }
            case "set": {
                Set<Object> set = new LinkedHashSet<>();
                byId.put(d.get("id").asInt(), set);
                d.get("v").forEach(x -> set.add(toValue(x, byId)));
                return set;
            }
            case "dict": {
                Map<Object, Object> map = new LinkedHashMap<>();
                byId.put(d.get("id").asInt(), map);
                d.get("v").forEach(kv -> map.put(toValue(kv.get(0), byId), toValue(kv.get(1), byId)));
                return map;
            }
            case "obj": {
                // the object is numbered before its arguments, but exists only after them
                int id = d.get("id").asInt();
                Tuple args = (Tuple) toValue(d.get("args"), byId);
                Object state = toValue(d.get("state"), byId);
                SlapObject o = new SlapObject(d.get("class").asText(), args.items(), state);
                byId.put(id, o);
                return o;
            }
            default:
                throw new IllegalArgumentException("unknown description type " + t);
        }
    }

    /** Describes a Java value; dicts are walked in marshal order so ids match Python's. */
    static JsonNode describe(Object value) {
        return describe(value, new IdentityHashMap<>());
    }

    private static JsonNode describe(Object v, Map<Object, Integer> memo) {
        ObjectNode d = JSON.createObjectNode();
        if (v == null) {
            return d.put("t", "none");
        }
        if (v instanceof Boolean b) {
            return d.put("t", "bool").put("v", b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return d.put("t", "int").put("v", v.toString());
        }
        if (v instanceof Double x) {
            return d.put("t", "float").put("v", XmlMarshal.pythonFloat(x));
        }
        if (v instanceof String s) {
            return d.put("t", "str").put("v", s);
        }
        if (v instanceof Tuple t) {
            ArrayNode items = d.put("t", "tuple").putArray("v");
            t.items().forEach(x -> items.add(describe(x, memo)));
            return d;
        }
        Integer seen = memo.get(v);
        if (seen != null) {
            return d.put("t", "ref").put("id", seen);
        }
        int id = memo.size() + 1;
        memo.put(v, id);
        if (v instanceof List<?> l) {
            ArrayNode items = d.put("t", "list").put("id", id).putArray("v");
            l.forEach(x -> items.add(describe(x, memo)));
        } else if (v instanceof Set<?> s) {
            ArrayNode items = d.put("t", "set").put("id", id).putArray("v");
            s.forEach(x -> items.add(describe(x, memo)));
        } else if (v instanceof Map<?, ?> m) {
            ArrayNode items = d.put("t", "dict").put("id", id).putArray("v");
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            entries.sort((a, b) -> PythonOrder.compare(a.getKey(), b.getKey()));
            for (Map.Entry<?, ?> e : entries) {
                ArrayNode kv = items.addArray();
                kv.add(describe(e.getKey(), memo));
                kv.add(describe(e.getValue(), memo));
            }
        } else if (v instanceof SlapObject o) {
            d.put("t", "obj").put("id", id).put("class", o.className());
            d.set("args", describe(new Tuple(o.initArgs()), memo));
            d.set("state", describe(o.state(), memo));
        } else {
            throw new IllegalArgumentException("cannot describe " + v.getClass());
        }
        return d;
    }
}
