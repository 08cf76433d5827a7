package org.slapdesk.gui.page;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The filter box's index: each row's searchable texts joined and lower-cased once, when the row
 * changes, so matching a query is a plain scan that can run off the FX thread on a copy.
 */
final class FilterIndex<R> {

    private final Function<R, Stream<String>> texts;
    private final Map<R, String> searchText = new HashMap<>();

    FilterIndex(Function<R, Stream<String>> texts) {
        this.texts = texts;
    }

    void index(R row) {
        searchText.put(
                row,
                texts.apply(row)
                        .map(t -> t == null ? "" : t)
                        .collect(Collectors.joining("\n"))
                        .toLowerCase(Locale.ROOT));
    }

    void remove(R row) {
        searchText.remove(row);
    }

    void clear() {
        searchText.clear();
    }

    /** A copy to match against off the FX thread. */
    Map<R, String> copy() {
        return Map.copyOf(searchText);
    }

    /** The rows in which every word of {@code query} appears, ignoring case. */
    static <R> Set<R> matching(Map<R, String> index, String query) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        Set<R> matches = new HashSet<>();
        index.forEach((row, text) -> {
            for (String word : words) {
                if (!text.contains(word)) {
                    return;
                }
            }
            matches.add(row);
        });
        return matches;
    }
}
