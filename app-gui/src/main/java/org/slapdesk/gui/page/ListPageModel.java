package org.slapdesk.gui.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.session.ConnectionState;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskService;

/**
 * The list half of a list page: the rows of the session's fleet state (each update applied in
 * place: only the rows it changed are added, replaced or removed, so selection and the other rows
 * survive), the filter box, the selected row, what the empty table says, and how many rows are of
 * each health. FX thread.
 */
public final class ListPageModel<R, D> {

    private final MasterSession session;
    private final TaskService tasks;
    private final ListPageSpec<R, D> spec;
    private final Map<R, IntegerProperty> revisions = new HashMap<>();
    // a row's revision moves when an update changed it in place, so the sorted view re-sorts it
    private final ObservableList<R> rows = FXCollections.observableArrayList(row -> new Observable[] {revision(row)});
    private final Map<String, R> rowsByKey = new HashMap<>();
    // sorted below the filter: a keystroke swaps the filter's predicate over rows already in
    // order (a set lookup per row, no comparison); only a new sort order sorts every row again
    private final SortedList<R> sortedRows = new SortedList<>(rows);
    private final FilteredList<R> visibleRows = new FilteredList<>(sortedRows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper("");
    private final ObjectProperty<R> selected = new SimpleObjectProperty<>();
    private final ObservableList<R> chosen = FXCollections.observableArrayList();
    private final Map<Health.Level, IntegerProperty> counts = new EnumMap<>(Health.Level.class);
    private final List<Consumer<R>> onRowChanged = new ArrayList<>();
    private final List<Runnable> onApplied = new ArrayList<>();
    private final FilterIndex<R> filterIndex;
    private final NewestWins filtering;
    private Subscription subscription = () -> {};

    public ListPageModel(MasterSession session, TaskService tasks, ListPageSpec<R, D> spec) {
        this.session = session;
        this.tasks = tasks;
        this.spec = spec;
        // "health:red" in the filter box keeps the rows of that colour (the dashboard's tiles use it)
        this.filterIndex =
                new FilterIndex<>(row -> Stream.concat(spec.filterTexts().apply(row), Stream.of(healthToken(row))));
        this.filtering = new NewestWins(tasks.serialLane(), tasks::onFxThread);
        for (Health.Level level : Health.Level.values()) {
            counts.put(level, new SimpleIntegerProperty());
        }
        filter.addListener((o, was, now) -> applyFilter());
        session.fleetProperty().addListener((o, was, now) -> follow(now));
        follow(session.fleetProperty().get());
    }

    public ObservableList<R> rows() {
        return rows;
    }

    /** The rows the filter lets through, in the order of {@link #comparatorProperty}; the table shows these. */
    public FilteredList<R> visibleRows() {
        return visibleRows;
    }

    /** The order of the rows, null for the order they came in; the table binds it to its own sort. */
    public ObjectProperty<Comparator<? super R>> comparatorProperty() {
        return sortedRows.comparatorProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The filter text whose matches the table shows: the box's text once its matching is applied. */
    public ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    public ObjectProperty<R> selectedProperty() {
        return selected;
    }

    /** Every selected row (several where the table allows it); {@link #selectedProperty} is the focused one. */
    public ObservableList<R> chosenRows() {
        return chosen;
    }

    /**
     * The count above the list, e.g. "203 servers, 2 with problems" (red or yellow), or "12 of 203
     * servers shown, …" while the filter hides some.
     */
    public StringBinding summary(String one, String many) {
        return Bindings.createStringBinding(
                () -> {
                    int all = rows.size();
                    int shown = visibleRows.size();
                    int problems = counts.get(Health.Level.RED).get()
                            + counts.get(Health.Level.YELLOW).get();
                    String noun = all == 1 ? one : many;
                    String head = shown == all ? all + " " + noun : shown + " of " + all + " " + noun + " shown";
                    return head + (problems == 0 ? ", no problems" : ", " + problems + " with problems");
                },
                rows,
                visibleRows,
                counts.get(Health.Level.RED),
                counts.get(Health.Level.YELLOW));
    }

    /**
     * What the empty table says: why it is empty when no master answers, how far the first read
     * is while it runs, and the page's own text only once the fleet was read.
     */
    public StringBinding emptyText() {
        StringBinding byState = session.emptyListText(spec.emptyText());
        return Bindings.createStringBinding(
                () -> {
                    RefreshProgress progress = session.progressProperty().get();
                    boolean neverRead = progress.lastCompleteRefresh().isEmpty()
                            && progress.phase() != RefreshProgress.Phase.PARTIAL;
                    if (session.stateProperty().get() == ConnectionState.CONNECTED
                            && neverRead
                            && progress.phase() != RefreshProgress.Phase.FAILED) {
                        return progress.phase() == RefreshProgress.Phase.READING
                                ? spec.readingText() + " (" + progress.nodesRead() + " of " + progress.nodesListed()
                                        + ")"
                                : spec.readingText();
                    }
                    return byState.get();
                },
                byState,
                session.stateProperty(),
                session.progressProperty());
    }

    public BooleanBinding connectedProperty() {
        return session.masterProperty().isNotNull();
    }

    /** How many rows have this health (rows without one count as grey). */
    public ReadOnlyIntegerProperty count(Health.Level level) {
        return counts.get(level);
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return session.refreshingProperty();
    }

    /** Runs for each row whose data changed in an update. */
    public void onRowChanged(Consumer<R> action) {
        onRowChanged.add(action);
    }

    /** Runs after an update of the fleet has been applied to the rows. */
    public void onApplied(Runnable action) {
        onApplied.add(action);
    }

    /** Refreshes the session's fleet state off the FX thread (every list page shows it). */
    public void refresh() {
        session.refreshFleet();
    }

    /** Updates every row again from the fleet's current snapshot, when something beside the fleet colours them. */
    public void reapply() {
        FleetState fleet = session.fleetProperty().get();
        if (fleet == null) {
            return;
        }
        Map<String, Optional<D>> all = new LinkedHashMap<>();
        spec.items().apply(fleet.snapshot(), key -> true).forEach((key, item) -> all.put(key, Optional.of(item)));
        apply(all);
    }

    private void follow(FleetState fleet) {
        subscription.close();
        subscription = () -> {};
        rows.clear();
        rowsByKey.clear();
        revisions.clear();
        filterIndex.clear();
        recount();
        if (fleet == null) {
            return;
        }
        // the batch is worked out on the refreshing thread; only the row changes run on the FX thread
        subscription = fleet.subscribe(Runnable::run, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                Map<String, Optional<D>> changed = changedItems(update);
                tasks.onFxThread(() -> {
                    if (session.fleetProperty().get() == fleet) {
                        apply(changed);
                    }
                });
            }
        });
        Map<String, Optional<D>> all = new LinkedHashMap<>();
        spec.items().apply(fleet.snapshot(), key -> true).forEach((key, item) -> all.put(key, Optional.of(item)));
        apply(all);
    }

    private Map<String, Optional<D>> changedItems(FleetUpdate update) {
        Set<String> keys = new HashSet<>();
        update.changes().forEach(change -> spec.changedKey().apply(change).ifPresent(keys::add));
        Map<String, Optional<D>> changed = new HashMap<>();
        if (keys.isEmpty()) {
            return changed;
        }
        Map<String, D> items = spec.items().apply(update.snapshot(), keys::contains);
        keys.forEach(key -> changed.put(key, Optional.ofNullable(items.get(key))));
        return changed;
    }

    /** Adds, updates or removes only the rows of the changed keys, each kind of change in one list change. */
    private void apply(Map<String, Optional<D>> changed) {
        List<R> added = new ArrayList<>();
        Set<R> removed = new HashSet<>();
        changed.forEach((key, item) -> {
            R row = rowsByKey.get(key);
            if (item.isEmpty()) {
                if (row != null) {
                    rowsByKey.remove(key);
                    filterIndex.remove(row);
                    removed.add(row);
                }
            } else if (row == null) {
                R fresh = spec.newRow().apply(key);
                spec.update().test(fresh, item.get());
                rowsByKey.put(key, fresh);
                filterIndex.index(fresh);
                added.add(fresh);
            } else if (spec.update().test(row, item.get())) {
                filterIndex.index(row);
                IntegerProperty revision = revision(row);
                revision.set(revision.get() + 1);
                onRowChanged.forEach(action -> action.accept(row));
            }
        });
        if (!removed.isEmpty()) {
            rows.removeAll(removed);
            removed.forEach(revisions::remove);
        }
        if (!added.isEmpty()) {
            added.sort(Comparator.comparing(spec.rowKey()));
            rows.addAll(added);
        }
        recount();
        if (!filter.get().isBlank()) {
            applyFilter();
        }
        onApplied.forEach(Runnable::run);
    }

    private IntegerProperty revision(R row) {
        return revisions.computeIfAbsent(row, r -> new SimpleIntegerProperty());
    }

    /**
     * Matches the filter on the index off the FX thread (a newer keystroke supersedes an older
     * one's matching) and shows the result in one change: the filter's predicate becomes a set lookup.
     */
    private void applyFilter() {
        String query = filter.get() == null ? "" : filter.get();
        if (query.isBlank()) {
            filtering.cancel();
            if (visibleRows.getPredicate() != null) {
                visibleRows.setPredicate(null);
            }
            appliedFilter.set(query);
            return;
        }
        List<FilterIndex.Entry<R>> entries = filterIndex.entries();
        filtering.submit(
                superseded -> FilterIndex.matching(entries, query, superseded), matches -> show(query, matches));
    }

    /**
     * Shows the matches unless they are the rows shown already ("c", "co", "com" often match the
     * same rows): a new predicate re-fills every visible cell of the table.
     */
    private void show(String query, Set<R> matches) {
        if (!shownAlready(matches)) {
            visibleRows.setPredicate(matches::contains);
        }
        appliedFilter.set(query);
    }

    private boolean shownAlready(Set<R> matches) {
        if (matches.size() != visibleRows.size()) {
            return false;
        }
        for (R row : visibleRows) {
            if (!matches.contains(row)) {
                return false;
            }
        }
        return true;
    }

    private String healthToken(R row) {
        Health health = spec.health().apply(row);
        return "health:"
                + (health == null ? Health.Level.GREY : health.level()).name().toLowerCase(Locale.ROOT);
    }

    private void recount() {
        Map<Health.Level, Integer> byLevel = new EnumMap<>(Health.Level.class);
        for (R row : rows) {
            Health health = spec.health().apply(row);
            byLevel.merge(health == null ? Health.Level.GREY : health.level(), 1, Integer::sum);
        }
        counts.forEach((level, count) -> count.set(byLevel.getOrDefault(level, 0)));
    }
}
