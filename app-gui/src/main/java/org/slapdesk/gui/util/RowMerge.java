package org.slapdesk.gui.util;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Merges a fresh read into a table's rows by key, so selection and highlighting survive a
 * refresh: rows whose key is gone are removed, new keys get a new row at the end, and every
 * row with fresh data is updated in place. The last of two items with one key wins.
 */
public final class RowMerge {

    private RowMerge() {}

    public static <R, D> void merge(
            ObservableList<R> rows,
            List<D> fresh,
            Function<R, String> rowKey,
            Function<D, String> itemKey,
            Function<String, R> newRow,
            BiConsumer<R, D> update) {
        Map<String, R> existing = new HashMap<>();
        rows.forEach(row -> existing.put(rowKey.apply(row), row));
        Map<String, D> byKey = new LinkedHashMap<>();
        fresh.forEach(item -> byKey.put(itemKey.apply(item), item));
        rows.removeIf(row -> !byKey.containsKey(rowKey.apply(row)));
        byKey.forEach((key, item) -> {
            R row = existing.get(key);
            if (row == null) {
                row = newRow.apply(key);
                rows.add(row);
            }
            update.accept(row, item);
        });
    }
}
