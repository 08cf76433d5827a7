package org.slapdesk.core.wire;

import java.util.List;

/** A Python tuple: marshalled as {@code <tuple>} (no id, never referenced). */
public record Tuple(List<Object> items) {
    public Tuple {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public static Tuple of(Object... items) {
        return new Tuple(java.util.Arrays.asList(items));
    }
}
