package org.slapdesk.gui.dashboard;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.health.HealthViews;
import org.slapdesk.gui.util.Tables;

/** "What is wrong now" as a table: colour, kind, the object as a link, the reason, for how long. */
final class WrongNowTable {

    private final TableView<WrongRow> table =
            Tables.table("Nothing is wrong: every server, installation and service is green or grey.");

    WrongNowTable(Supplier<Instant> now, Consumer<DashboardLink> open) {
        table.setId("wrong-now-table");
        TableColumn<WrongRow, Health> health = Tables.fixed("Health", WrongRow::health);
        health.setCellFactory(c -> HealthViews.cell());
        health.setPrefWidth(110);
        health.setMinWidth(100);
        health.setMaxWidth(140);
        TableColumn<WrongRow, String> kind = Tables.fixed("Kind", WrongRow::kind);
        kind.setPrefWidth(90);
        kind.setMinWidth(80);
        kind.setMaxWidth(120);
        TableColumn<WrongRow, WrongRow> object = Tables.fixed("Object", item -> item);
        object.setPrefWidth(260);
        object.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WrongRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(item.title());
                link.getStyleClass().add("wrong-now-link");
                link.setOnAction(e -> open.accept(item.link()));
                link.setTooltip(new Tooltip("Open " + item.title()));
                setGraphic(link);
            }
        });
        TableColumn<WrongRow, String> text = Tables.fixed("What", WrongRow::text);
        text.setPrefWidth(420);
        text.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setTooltip(empty || value == null || value.isBlank() ? null : new Tooltip(value));
            }
        });
        TableColumn<WrongRow, String> since = Tables.fixed(
                "For",
                item -> item.since().map(at -> Ages.between(at, now.get())).orElse("unknown"));
        since.setPrefWidth(110);
        since.setMinWidth(95);
        since.setMaxWidth(160);
        since.setSortable(false);
        table.getColumns().setAll(health, kind, object, text, since);
        table.setRowFactory(t -> {
            TableRow<WrongRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem().link());
                }
            });
            return row;
        });
    }

    TableView<WrongRow> node() {
        return table;
    }
}
