package org.slapdesk.gui.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The filter box's index: each row's searchable texts joined and lower-cased once, when the row
 * changes, so matching a query is a plain scan that runs off the FX thread on an immutable list
 * of the entries (taken again only after a row's text changed).
 */
final class FilterIndex<R> {

    /** How often a scan asks whether it is superseded. */
    private static final int CHECK_EVERY = 1024;

    private final Function<R, Stream<String>> texts;
    private final Map<R, String> searchText = new HashMap<>();
    private List<Entry<R>> entries = List.of();
    private boolean changed;

    /** A row and its lower-cased searchable text. */
    record Entry<R>(R row, String text) {}

    FilterIndex(Function<R, Stream<String>> texts) {
        this.texts = texts;
    }

    void index(R row) {
        String text = texts.apply(row)
                .map(t -> t == null ? "" : t)
                .collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);
        if (!text.equals(searchText.put(row, text))) {
            changed = true;
        }
    }

    void remove(R row) {
        if (searchText.remove(row) != null) {
            changed = true;
        }
    }

    void clear() {
        searchText.clear();
        changed = true;
    }

    /** Every row with its text, unchanged until a row's text changes: safe to read on another thread. */
    List<Entry<R>> entries() {
        if (changed) {
            List<Entry<R>> fresh = new ArrayList<>(searchText.size());
            searchText.forEach((row, text) -> fresh.add(new Entry<>(row, text)));
            entries = List.copyOf(fresh);
            changed = false;
        }
        return entries;
    }

    /**
     * The rows in which every word of {@code query} appears, ignoring case; empty when
     * {@code superseded} says the answer is no longer wanted before the scan is over.
     */
    static <R> Optional<Set<R>> matching(List<Entry<R>> entries, String query, BooleanSupplier superseded) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        Set<R> matches = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i % CHECK_EVERY == 0 && superseded.getAsBoolean()) {
                return Optional.empty();
            }
            Entry<R> entry = entries.get(i);
            if (containsAll(entry.text(), words)) {
                matches.add(entry.row());
            }
        }
        return Optional.of(matches);
    }

    private static boolean containsAll(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
