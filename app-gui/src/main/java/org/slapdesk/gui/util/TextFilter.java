package org.slapdesk.gui.util;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The filter box's rule: every word typed must appear in one of the row's texts, ignoring case. */
public final class TextFilter {

    private TextFilter() {}

    public static <T> Predicate<T> of(String query, Function<T, Stream<String>> texts) {
        if (query == null || query.isBlank()) {
            return row -> true;
        }
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return row -> {
            String haystack = String.join(
                            "\n", texts.apply(row).map(t -> t == null ? "" : t).toList())
                    .toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }
}
