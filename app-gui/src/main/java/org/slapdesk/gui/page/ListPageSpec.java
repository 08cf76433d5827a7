package org.slapdesk.gui.page;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slapdesk.core.fleet.FleetChange;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.health.Health;

/**
 * What a list page (Servers, Services) shows of the fleet state and how its rows follow it.
 *
 * @param emptyText what the empty table says once the fleet was read
 * @param readingText what the empty table says while the first refresh runs, e.g. "Reading servers…"
 * @param items the items of the snapshot by row key, at least those whose key the predicate
 *     accepts (runs off the FX thread; an update asks only for the keys it changed)
 * @param changedKey the row key a change of the fleet touches, empty when it is not this page's
 * @param rowKey the key of a row; an item with the same key updates it in place
 * @param newRow a row for a key seen for the first time
 * @param update puts fresh data into a row; true when the row changed
 * @param filterTexts the texts the filter box searches in a row
 * @param health the row's health, null when not known yet
 */
public record ListPageSpec<R, D>(
        String emptyText,
        String readingText,
        BiFunction<FleetSnapshot, Predicate<String>, Map<String, D>> items,
        Function<FleetChange, Optional<String>> changedKey,
        Function<R, String> rowKey,
        Function<String, R> newRow,
        BiPredicate<R, D> update,
        Function<R, Stream<String>> filterTexts,
        Function<R, Health> health) {}
