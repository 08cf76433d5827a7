package org.slapdesk.gui.page;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.live.SerialRefresh;

/**
 * What a list page (Servers, Services) reads and how its rows follow the data.
 *
 * @param emptyText what the empty table says when the master answers
 * @param refreshTitle the title of the refresh task
 * @param failureTitle the title of the notice when a refresh fails
 * @param read reads every item from the master (worker thread)
 * @param rowKey the key of a row; an item with the same key updates it in place
 * @param itemKey the key of an item read
 * @param newRow a row for a key seen for the first time
 * @param update puts fresh data into a row; true when the row changed
 * @param filterTexts the texts the filter box searches in a row
 * @param health the row's health, null when not known yet
 */
public record ListPageSpec<R, D>(
        String emptyText,
        String refreshTitle,
        String failureTitle,
        SerialRefresh.Read<List<D>> read,
        Function<R, String> rowKey,
        Function<D, String> itemKey,
        Function<String, R> newRow,
        BiPredicate<R, D> update,
        Function<R, Stream<String>> filterTexts,
        Function<R, Health> health) {}
