package org.slapdesk.gui.page;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.live.SerialRefresh;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.gui.util.RowMerge;
import org.slapdesk.gui.util.TextFilter;

/**
 * The list half of a list page: the rows read from the master (refreshed one read at a time,
 * merged in place so selection survives), the filter box, the selected row, what the empty
 * table says, and how many rows are of each health. FX thread.
 */
public final class ListPageModel<R, D> {

    private final MasterSession session;
    private final ListPageSpec<R, D> spec;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final FilteredList<R> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<R> selected = new SimpleObjectProperty<>();
    private final Map<Health.Level, IntegerProperty> counts = new EnumMap<>(Health.Level.class);
    private final List<Consumer<R>> onRowChanged = new ArrayList<>();
    private final List<Runnable> onApplied = new ArrayList<>();
    private final SerialRefresh<List<D>> refresher;

    public ListPageModel(MasterSession session, TaskService tasks, ListPageSpec<R, D> spec) {
        this.session = session;
        this.spec = spec;
        for (Health.Level level : Health.Level.values()) {
            counts.put(level, new SimpleIntegerProperty());
        }
        this.refresher = new SerialRefresh<>(
                session, tasks, spec.refreshTitle(), spec.failureTitle(), spec.read(), this::applyAndTell);
        filter.addListener((o, was, now) -> visibleRows.setPredicate(TextFilter.of(now, spec.filterTexts())));
        rows.addListener((ListChangeListener<R>) change -> recount());
        session.masterProperty().addListener((o, was, now) -> {
            if (now == null) {
                rows.clear();
            }
        });
    }

    public ObservableList<R> rows() {
        return rows;
    }

    /** The rows the filter lets through; the table shows these. */
    public FilteredList<R> visibleRows() {
        return visibleRows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<R> selectedProperty() {
        return selected;
    }

    /** What the empty table says: why it is empty when no master answers. */
    public StringBinding emptyText() {
        return session.emptyListText(spec.emptyText());
    }

    public BooleanBinding connectedProperty() {
        return session.masterProperty().isNotNull();
    }

    /** How many rows have this health (rows without one count as grey). */
    public ReadOnlyIntegerProperty count(Health.Level level) {
        return counts.get(level);
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refresher.refreshingProperty();
    }

    /** Runs after every refresh, whether it succeeded or not. */
    public void afterRefresh(Runnable action) {
        refresher.afterRefresh(action);
    }

    /** Runs for each row whose data changed in a merge. */
    public void onRowChanged(Consumer<R> action) {
        onRowChanged.add(action);
    }

    /** Runs after a successful refresh has been merged into the rows. */
    public void onApplied(Runnable action) {
        onApplied.add(action);
    }

    /** Reads every item off the FX thread; while one read runs, one more is queued. */
    public void refresh() {
        refresher.refresh();
    }

    /** Merges fresh data into the rows: changed rows update in place, new ones are added, gone ones removed. */
    public void apply(List<D> items) {
        RowMerge.merge(rows, items, spec.rowKey(), spec.itemKey(), spec.newRow(), (row, item) -> {
            if (spec.update().test(row, item)) {
                onRowChanged.forEach(action -> action.accept(row));
            }
        });
        recount();
    }

    private void applyAndTell(List<D> items) {
        apply(items);
        onApplied.forEach(Runnable::run);
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
