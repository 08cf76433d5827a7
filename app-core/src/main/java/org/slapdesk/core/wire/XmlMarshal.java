package org.slapdesk.core.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The xml_marshaller format spoken by SLAP (docs/protocol.md, "xml_marshaller"), byte for byte as the Python
 * library writes it: sorted dict keys, {@code iN} ids counted from 2, double-escaped strings,
 * non-ASCII as decimal character references, {@code <reference>} for repeated containers.
 *
 * <p>Java values: String, Long/Integer/BigInteger (int, long), Double (float), Boolean, null,
 * List (list), {@link Tuple} (tuple), Set (set), Map (dictionary), {@link SlapObject} (object).
 * Decoding gives Long or BigInteger for integers, ArrayList, LinkedHashSet and LinkedHashMap.
 */
public final class XmlMarshal {

    /**
     * xml_marshaller writes {@code <int>} when {@code -1e24 < value < 1e24}, a comparison with
     * the float 1e24, which is exactly 999999999999999983222784.
     */
    private static final BigInteger LONG_THRESHOLD = new BigDecimal(1e24).toBigIntegerExact();

    private XmlMarshal() {}

    // ---------------------------------------------------------------- encoding

    public static String dumps(Object value) {
        Encoder encoder = new Encoder();
        StringBuilder out = new StringBuilder("<marshal>");
        encoder.write(value, out);
        return out.append("</marshal>").toString();
    }

    private static final class Encoder {
        private int lastId = 1;
        private final Map<Object, Integer> seen = new IdentityHashMap<>();

        void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("<none/>");
            } else if (value instanceof String s) {
                writeText("string", escapeOnce(s), out);
            } else if (value instanceof Boolean b) {
                out.append("<bool>").append(b ? '1' : '0').append("</bool>");
            } else if (value instanceof Integer
                    || value instanceof Long
                    || value instanceof Short
                    || value instanceof Byte
                    || value instanceof BigInteger) {
                BigInteger big = value instanceof BigInteger bi ? bi : BigInteger.valueOf(((Number) value).longValue());
                String tag = big.abs().compareTo(LONG_THRESHOLD) < 0 ? "int" : "long";
                out.append('<')
                        .append(tag)
                        .append('>')
                        .append(big)
                        .append("</")
                        .append(tag)
                        .append('>');
            } else if (value instanceof Double || value instanceof Float) {
                out.append("<float>")
                        .append(pythonFloat(((Number) value).doubleValue()))
                        .append("</float>");
            } else if (value instanceof Tuple t) {
                writeSequence("tuple", null, t.items(), out);
            } else if (value instanceof SlapObject o) {
                if (reference(o, out)) {
                    return;
                }
                int id = register(o);
                out.append("<object id=\"i")
                        .append(id)
                        .append("\" module=\"")
                        .append(SlapObject.MODULE)
                        .append("\" class=\"")
                        .append(o.className())
                        .append("\">");
                writeSequence("tuple", null, o.initArgs(), out);
                write(o.state(), out);
                out.append("</object>");
            } else if (value instanceof Map<?, ?> m) {
                if (reference(m, out)) {
                    return;
                }
                int id = register(m);
                List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
                entries.sort((a, b) -> PythonOrder.compare(a.getKey(), b.getKey()));
                if (entries.isEmpty()) {
                    out.append("<dictionary id=\"i").append(id).append("\"/>");
                    return;
                }
                out.append("<dictionary id=\"i").append(id).append("\">");
                for (Map.Entry<?, ?> e : entries) {
                    write(e.getKey(), out);
                    write(e.getValue(), out);
                }
                out.append("</dictionary>");
            } else if (value instanceof List<?> l) {
                if (!reference(l, out)) {
                    writeSequence("list", register(l), l, out);
                }
            } else if (value instanceof Set<?> s) {
                if (!reference(s, out)) {
                    writeSequence("set", register(s), s, out);
                }
            } else {
                throw new IllegalArgumentException(
                        "cannot marshal a " + value.getClass().getName());
            }
        }

        private boolean reference(Object container, StringBuilder out) {
            Integer id = seen.get(container);
            if (id == null) {
                return false;
            }
            out.append("<reference id=\"i").append(id).append("\"/>");
            return true;
        }

        private int register(Object container) {
            lastId++;
            seen.put(container, lastId);
            return lastId;
        }

        private void writeSequence(String tag, Integer id, Collection<?> items, StringBuilder out) {
            out.append('<').append(tag);
            if (id != null) {
                out.append(" id=\"i").append(id).append('"');
            }
            if (items.isEmpty()) {
                out.append("/>");
                return;
            }
            out.append('>');
            for (Object item : items) {
                write(item, out);
            }
            out.append("</").append(tag).append('>');
        }

        private static void writeText(String tag, String text, StringBuilder out) {
            out.append('<').append(tag).append('>');
            LxmlEscape.asciiText(text, out);
            out.append("</").append(tag).append('>');
        }
    }

    /** saxutils.escape: the first of the two escapings a string goes through. */
    static String escapeOnce(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal exact = shortestRoundTrip(Math.abs(d));
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /**
     * The shortest decimal that reads back as {@code d}, the closest one when several are as
     * short, as Python's repr picks it (JDK 17's Double.toString is not always shortest).
     */
    private static BigDecimal shortestRoundTrip(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode :
                    new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == d
                        && (best == null
                                || candidate
                                                .subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        return exact.stripTrailingZeros();
    }

    // ---------------------------------------------------------------- decoding

    public static Object loads(String xml) throws MarshalException {
        return decodeDocument(SafeXml.parse(xml));
    }

    public static Object loads(byte[] xml) throws MarshalException {
        return decodeDocument(SafeXml.parse(xml));
    }

    private static Object decodeDocument(Document document) throws MarshalException {
        Element root = document.getDocumentElement();
        if (!"marshal".equals(root.getTagName())) {
            throw new MarshalException("expected a <marshal> document, found <" + root.getTagName() + ">");
        }
        List<Element> children = elements(root);
        if (children.size() != 1) {
            throw new MarshalException("<marshal> must hold exactly one value, found " + children.size());
        }
        return new Decoder().read(children.get(0));
    }

    /** Deeper than any real SLAP document; a hostile one must not exhaust the stack. */
    static final int MAX_DEPTH = 512;

    private static final class Decoder {
        private final Map<String, Object> byId = new HashMap<>();
        /** Ids of the containers being read: a reference to one of them would make a cycle. */
        private final Set<String> open = new HashSet<>();
        /** The expanded size of each closed container, charged again at each reference to it. */
        private final Map<String, DecodeBudget.Weight> weights = new HashMap<>();

        private final DecodeBudget budget = new DecodeBudget();

        private int depth;

        Object read(Element e) throws MarshalException {
            if (++depth > MAX_DEPTH) {
                throw new MarshalException("the marshalled document nests containers more than " + MAX_DEPTH
                        + " levels deep; refusing it");
            }
            try {
                budget.charge(1, 0);
                Object value = readElement(e);
                open.remove(e.getAttribute("id"));
                return value;
            } finally {
                depth--;
            }
        }

        private Object readElement(Element e) throws MarshalException {
            String tag = e.getTagName();
            switch (tag) {
                case "none":
                    return null;
                case "string":
                case "unicode": {
                    String text = unescapeOnce(e.getTextContent());
                    budget.charge(0, text.length());
                    return text;
                }
                case "bool":
                    return switch (e.getTextContent().trim()) {
                        case "1", "True" -> Boolean.TRUE;
                        case "0", "False" -> Boolean.FALSE;
                        default -> throw new MarshalException("<bool> holds neither 0 nor 1: " + e.getTextContent());
                    };
                case "int":
                case "long": {
                    String digits = e.getTextContent().trim();
                    DecodeBudget.checkIntegerDigits(digits);
                    budget.charge(0, digits.length());
                    return parseInteger(digits, tag);
                }
                case "float":
                    return parseFloat(e.getTextContent().trim());
                case "tuple": {
                    List<Object> items = new ArrayList<>();
                    for (Element child : elements(e)) {
                        items.add(read(child));
                    }
                    return new Tuple(items);
                }
                case "list": {
                    DecodeBudget.Weight start = budget.mark();
                    List<Object> list = new ArrayList<>();
                    remember(e, list);
                    for (Element child : elements(e)) {
                        list.add(read(child));
                    }
                    weigh(e, start);
                    return list;
                }
                case "set": {
                    DecodeBudget.Weight start = budget.mark();
                    Set<Object> set = new LinkedHashSet<>();
                    remember(e, set);
                    for (Element child : elements(e)) {
                        set.add(hashable(read(child), "a set member"));
                    }
                    weigh(e, start);
                    return set;
                }
                case "dictionary": {
                    DecodeBudget.Weight start = budget.mark();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    remember(e, map);
                    List<Element> children = elements(e);
                    if (children.size() % 2 != 0) {
                        throw new MarshalException("<dictionary> has an odd number of children");
                    }
                    for (int i = 0; i < children.size(); i += 2) {
                        Object key = hashable(read(children.get(i)), "a dictionary key");
                        map.put(key, read(children.get(i + 1)));
                    }
                    weigh(e, start);
                    return map;
                }
                case "reference": {
                    String id = e.getAttribute("id");
                    if (!byId.containsKey(id)) {
                        throw new MarshalException("<reference id=\"" + id + "\"> names no earlier container");
                    }
                    if (open.contains(id)) {
                        throw new MarshalException("<reference id=\"" + id + "\"> points at a container that holds it;"
                                + " cyclic values are refused");
                    }
                    budget.charge(weights.get(id));
                    return byId.get(id);
                }
                case "object":
                    return readObject(e);
                default:
                    throw new MarshalException("unsupported marshal tag <" + tag + ">");
            }
        }

        private Object readObject(Element e) throws MarshalException {
            String module = e.getAttribute("module");
            String className = e.getAttribute("class");
            if (!SlapObject.MODULE.equals(module) || !SlapObject.ALLOWED_CLASSES.contains(className)) {
                throw new MarshalException("refused object of class " + module + "." + className
                        + ": only the four slap classes are accepted");
            }
            List<Element> children = elements(e);
            if (children.isEmpty()
                    || children.size() > 2
                    || !"tuple".equals(children.get(0).getTagName())) {
                throw new MarshalException("<object> must hold a <tuple> of init arguments and a state");
            }
            // the id is taken before the children are read, as the encoder numbers it
            String id = e.getAttribute("id");
            DecodeBudget.Weight start = budget.mark();
            Object[] holder = new Object[1];
            Tuple args = (Tuple) read(children.get(0));
            Object state = children.size() == 2 ? read(children.get(1)) : null;
            holder[0] = new SlapObject(className, args.items(), state);
            if (!id.isEmpty()) {
                byId.put(id, holder[0]);
                weights.put(id, budget.since(start));
            }
            return holder[0];
        }

        private void weigh(Element e, DecodeBudget.Weight start) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                weights.put(id, budget.since(start));
            }
        }

        /**
         * A dict key or set member as Python takes it: a list, dict or set (also inside a tuple)
         * is unhashable. Refusing them also keeps Java from hashing a container by walking it.
         */
        private static Object hashable(Object value, String role) throws MarshalException {
            String type = value instanceof List<?>
                    ? "list"
                    : value instanceof Map<?, ?> ? "dict" : value instanceof Set<?> ? "set" : null;
            if (type != null) {
                throw new MarshalException(role + " is a " + type + ", which Python refuses too (TypeError: unhashable"
                        + " type: '" + type + "')");
            }
            if (value instanceof Tuple t) {
                for (Object item : t.items()) {
                    hashable(item, role);
                }
            }
            return value;
        }

        private void remember(Element e, Object container) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                byId.put(id, container);
                open.add(id);
            }
        }
    }

    private static Object parseInteger(String text, String tag) throws MarshalException {
        try {
            BigInteger value = new BigInteger(text);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        } catch (NumberFormatException ex) {
            throw new MarshalException("<" + tag + "> does not hold an integer: " + text, ex);
        }
    }

    private static Double parseFloat(String text) throws MarshalException {
        switch (text) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    throw new MarshalException("<float> does not hold a number: " + text, ex);
                }
        }
    }

    /** saxutils.unescape: undoes the first escaping, after the XML parser undid the second. */
    static String unescapeOnce(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }
}
