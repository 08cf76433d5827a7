package org.slapdesk.gui.page;

import java.time.Instant;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
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
        Tables.sorted(table, list.sortedRows());
        FlashingRows.install(table, healthChangedAt);
        Tables.selectFirstWhenFilled(table);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> list.selectedProperty()
                .set(now));
        return table;
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
