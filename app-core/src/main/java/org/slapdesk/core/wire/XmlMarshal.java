package org.slapdesk.core.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return loads(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Object loads(byte[] xml) throws MarshalException {
        return MarshalDecoder.decode(xml);
    }

    /** Deeper than any real SLAP document; a hostile one must not exhaust the stack. */
    static final int MAX_DEPTH = 512;

    /** saxutils.unescape: undoes the first escaping, after the XML parser undid the second. */
    static String unescapeOnce(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
