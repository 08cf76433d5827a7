package org.slapdesk.gui.page;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.health.HealthViews;
import org.slapdesk.gui.util.FlashingRows;
import org.slapdesk.gui.util.Icons;
import org.slapdesk.gui.util.Tables;

/** The tables of a list page (the list bound to its {@link ListPageModel}, the detail tables) and its refresh button. */
public final class ListPageTable {

    private static final double HEALTH_COLUMN_WIDTH = 140;

    private ListPageTable() {}

    /**
     * A table of the visible rows with a health column first: it says why it is empty, flashes a
     * row whose health changed, selects the first row once filled, and tells the model the selection.
     */
    public static <R> TableView<R> of(
            ListPageModel<R, ?> list,
            String id,
            Function<R, ObservableValue<Health>> health,
            Function<R, ObservableValue<Instant>> healthChangedAt) {
        TableView<R> table = Tables.table(list.emptyText());
        table.setId(id);
        table.getColumns().add(healthColumn(Tables.column("Health", health)));
        // the model's rows are sorted below its filter: the table's order drives that sort, and the
        // table has nothing to sort itself
        list.comparatorProperty().bind(table.comparatorProperty());
        table.setSortPolicy(t -> true);
        table.setItems(list.visibleRows());
        FlashingRows.install(table, healthChangedAt);
        Tables.selectFirstWhenFilled(table);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> list.selectedProperty()
                .set(now));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<R>) change -> list.chosenRows()
                .setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(Objects::nonNull)
                        .toList()));
        return table;
    }

    /** Lets the user select several rows (Ctrl / Shift + click) for the actions that apply to many. */
    public static <R> void selectMany(TableView<R> table) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    }

    /** The line above a list: how many rows, how many shown, how many with problems. */
    public static Label summary(ListPageModel<?, ?> list, String id, String one, String many) {
        Label summary = new Label();
        summary.setId(id);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(list.summary(one, many));
        return summary;
    }

    /** A table of the selected row's detail, with a health column first. */
    public static <T> TableView<T> detail(String id, String emptyText, Function<T, Health> health) {
        TableView<T> table = Tables.table(emptyText);
        table.setId(id);
        table.getColumns().add(healthColumn(Tables.fixed("Health", health)));
        return table;
    }

    private static <T> TableColumn<T, Health> healthColumn(TableColumn<T, Health> column) {
        column.setCellFactory(c -> HealthViews.cell());
        column.setMaxWidth(HEALTH_COLUMN_WIDTH);
        return column;
    }

    /** Refresh now (F5). */
    public static Button refreshButton(ListPageModel<?, ?> list) {
        Button refresh = Icons.button("", Material2MZ.REFRESH, "Refresh now (F5)");
        refresh.setOnAction(e -> list.refresh());
        return refresh;
    }
}
