package org.slapdesk.master.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slapdesk.core.wire.Tuple;

/** Python's {@code str()} of an unmarshalled value, as {@code dict2xml} stores it. */
final class PythonText {

    private PythonText() {}

    static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    private static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16
                    ? String.valueOf(d.longValue()) + ".0"
                    : String.valueOf(d);
        }
        if (v instanceof Tuple t) {
            String inner = t.items().stream().map(PythonText::repr).collect(Collectors.joining(", "));
            return "(" + inner + (t.items().size() == 1 ? ",)" : ")");
        }
        if (v instanceof List<?> l) {
            return l.stream().map(PythonText::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? "set()" : c.stream().map(PythonText::repr).collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v);
    }
}
