package org.slapdesk.core.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The order xml_marshaller sorts dict keys in: Python's own comparison where the two keys are
 * comparable, their {@code repr} otherwise.
 */
final class PythonOrder {

    private PythonOrder() {}

    /**
     * xml_marshaller's {@code version_independent_cmp}: Python's {@code cmp(a, b)}, or when
     * Python raises TypeError (unorderable types, None against None), the keys' reprs compared.
     */
    static int compare(Object a, Object b) {
        Integer python = pythonCompare(a, b);
        return python != null ? python : compareCodePoints(repr(a), repr(b));
    }

    /** Python 3's ordering of two values, or null where Python would raise TypeError. */
    private static Integer pythonCompare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return Integer.signum(toDecimal(a).compareTo(toDecimal(b)));
        }
        if (a instanceof String sa && b instanceof String sb) {
            return Integer.signum(compareCodePoints(sa, sb));
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb) {
            List<Object> x = ta.items();
            List<Object> y = tb.items();
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!pythonEquals(x.get(i), y.get(i))) {
                    return pythonCompare(x.get(i), y.get(i));
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return null;
    }

    private static boolean pythonEquals(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return toDecimal(a).compareTo(toDecimal(b)) == 0;
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb) {
            if (ta.items().size() != tb.items().size()) {
                return false;
            }
            for (int i = 0; i < ta.items().size(); i++) {
                if (!pythonEquals(ta.items().get(i), tb.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean isNumber(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static BigDecimal toDecimal(Object o) {
        if (o instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (o instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (o instanceof Double || o instanceof Float) {
            return new BigDecimal(((Number) o).doubleValue());
        }
        return BigDecimal.valueOf(((Number) o).longValue());
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Python's repr for the values a dict key can be. */
    static String repr(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof Double || o instanceof Float) {
            return XmlMarshal.pythonFloat(((Number) o).doubleValue());
        }
        if (o instanceof Number) {
            return o.toString();
        }
        if (o instanceof String s) {
            return reprString(s);
        }
        if (o instanceof Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(t.items().get(i)));
            }
            return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
        }
        if (o instanceof List<?> l) {
            return joinReprs("[", l, "]");
        }
        if (o instanceof Set<?> set) {
            return set.isEmpty() ? "set()" : joinReprs("{", set, "}");
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ")
                        .append(repr(e.getKey()))
                        .append(": ")
                        .append(repr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return o.toString();
    }

    private static String joinReprs(String open, Collection<?> items, String close) {
        StringBuilder sb = new StringBuilder(open);
        boolean first = true;
        for (Object item : items) {
            sb.append(first ? "" : ", ").append(repr(item));
            first = false;
        }
        return sb.append(close).toString();
    }

    private static String reprString(String s) {
        char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (!isPrintable(cp)) {
                sb.append(
                        cp < 0x100
                                ? String.format("\\x%02x", cp)
                                : cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(quote).toString();
    }

    /** Python's str.isprintable for one character: not Other (C*) nor Separator (Z*) but the space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
