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
                out.append("<string>");
                LxmlEscape.asciiTextEscapedTwice(s, out);
                out.append("</string>");
            } else if (value instanceof Boolean b) {
                out.append("<bool>").append(b ? '1' : '0').append("</bool>");
            } else if (value instanceof Integer
                    || value instanceof Long
                    || value instanceof Short
                    || value instanceof Byte) {
                // every long is below 1e24 in magnitude: always an <int>
                out.append("<int>").append(((Number) value).longValue()).append("</int>");
            } else if (value instanceof BigInteger big) {
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
                Collection<? extends Map.Entry<?, ?>> entries = inPythonOrder(m);
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

        /**
         * The entries in xml_marshaller's key order. A map read from marshalled XML is in it
         * already, so it is checked first (ties keep their order, as the stable sort does).
         */
        private static Collection<? extends Map.Entry<?, ?>> inPythonOrder(Map<?, ?> m) {
            Object previous = null;
            boolean first = true;
            for (Object key : m.keySet()) {
                if (!first && PythonOrder.compare(previous, key) > 0) {
                    List<Map.Entry<?, ?>> sorted = new ArrayList<>(m.entrySet());
                    sorted.sort((a, b) -> PythonOrder.compare(a.getKey(), b.getKey()));
                    return sorted;
                }
                previous = key;
                first = false;
            }
            return m.entrySet();
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
        if (d >= Double.MIN_NORMAL) {
            // Two decimals of at most 15 digits never read back as the same normal double (DBL_DIG):
            // when Java's digits are that short, they are the only candidate, hence the answer.
            BigDecimal javaDigits = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            if (javaDigits.precision() <= 15 && javaDigits.doubleValue() == d) {
                return javaDigits;
            }
        }
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

    /**
     * saxutils.unescape: undoes the first escaping, after the XML parser undid the second. One
     * pass, in the same order of replacements ({@code &lt;}, {@code &gt;}, then {@code &amp;}:
     * so {@code &amp;lt;} gives {@code &lt;}); most strings have no {@code &} and are kept as
     * they are.
     */
    static String unescapeOnce(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, amp);
        for (int i = amp; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '&' && s.startsWith("&lt;", i)) {
                out.append('<');
                i += 4;
            } else if (c == '&' && s.startsWith("&gt;", i)) {
                out.append('>');
                i += 4;
            } else if (c == '&' && s.startsWith("&amp;", i)) {
                out.append('&');
                i += 5;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
