package org.slapdesk.gui.util;

import java.util.Comparator;
import java.util.Locale;
import org.slapdesk.core.health.Health;

/**
 * How a table column sorts its values: health by severity, texts with numbers in them by the
 * numbers' values ("slappart2" before "slappart10"), times as times and numbers as numbers.
 */
public final class ColumnOrder {

    /** Red first, then yellow, grey (stopped, no data), green; a health not known yet counts as grey. */
    public static final Comparator<Health> SEVERITY = Comparator.comparingInt(ColumnOrder::rank);

    /** Texts ignoring case, runs of digits compared as numbers. */
    public static final Comparator<String> NATURAL = ColumnOrder::compareNatural;

    /** Any cell value: nulls first, then as {@link #SEVERITY}, {@link #NATURAL} or the value's own order. */
    public static final Comparator<Object> VALUES = ColumnOrder::compareValues;

    private ColumnOrder() {}

    private static int rank(Health health) {
        Health.Level level = health == null ? Health.Level.GREY : health.level();
        return switch (level) {
            case RED -> 0;
            case YELLOW -> 1;
            case GREY -> 2;
            case GREEN -> 3;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Health health && b instanceof Health other) {
            return SEVERITY.compare(health, other);
        }
        if (a instanceof String text && b instanceof String other) {
            return NATURAL.compare(text, other);
        }
        if (a instanceof Number number && b instanceof Number other) {
            return Double.compare(number.doubleValue(), other.doubleValue());
        }
        if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
            return comparable.compareTo(b);
        }
        return NATURAL.compare(a.toString(), b.toString());
    }

    private static int compareNatural(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String left = a.toLowerCase(Locale.ROOT);
        String right = b.toLowerCase(Locale.ROOT);
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            char x = left.charAt(i);
            char y = right.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endI = digitsEnd(left, i);
                int endJ = digitsEnd(right, j);
                int byNumber = compareDigits(left.substring(i, endI), right.substring(j, endJ));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endI;
                j = endJ;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(left.length() - i, right.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares two runs of digits by value, without parsing (they may be longer than a long). */
    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        int byLength = Integer.compare(x.length(), y.length());
        return byLength != 0 ? byLength : x.compareTo(y);
    }
}
