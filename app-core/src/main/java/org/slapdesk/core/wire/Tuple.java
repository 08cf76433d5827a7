package org.slapdesk.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A Python tuple: marshalled as {@code <tuple>} (no id, never referenced). */
public record Tuple(List<Object> items) {
    public Tuple {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static Tuple of(Object... items) {
        return new Tuple(Arrays.asList(items));
    }
}
