package org.slapdesk.gui.activity;

import atlantafx.base.controls.CustomTextField;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.util.Tables;
import org.slapdesk.gui.util.TextFilter;
import org.slapdesk.gui.util.Times;

/** Activity: the audit log of what was done from this console. */
public final class ActivityView implements PageView {

    private final VBox root = new VBox();
    private final CustomTextField filterBox;

    public ActivityView(ActivityLog log) {
        root.getStyleClass().add("page");
        root.setId("activity-page");
        StringProperty filter = new SimpleStringProperty("");
        FilteredList<ActivityEntry> visible = new FilteredList<>(log.entries());
        filter.addListener((o, was, now) -> visible.setPredicate(TextFilter.of(
                now, (ActivityEntry e) -> Stream.of(e.profile(), e.action(), e.target(), e.outcomeText()))));
        filterBox = Tables.filterBox(filter, "Filter the activity (Ctrl+F)");
        TableView<ActivityEntry> table =
                Tables.table("Nothing done yet: supplies, requests and state changes are logged here.");
        table.setId("activity-table");
        TableColumn<ActivityEntry, Instant> at = Tables.fixed("When", ActivityEntry::at);
        at.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant when, boolean empty) {
                super.updateItem(when, empty);
                setText(empty ? null : Times.date(when));
            }
        });
        table.getColumns()
                .setAll(List.of(
                        at,
                        Tables.fixed("Profile", ActivityEntry::profile),
                        Tables.fixed("Action", ActivityEntry::action),
                        Tables.fixed("Target", ActivityEntry::target),
                        Tables.fixed("Outcome", ActivityEntry::outcomeText)));
        table.setItems(visible);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(new ToolBar(filterBox), table);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusFilter() {
        filterBox.requestFocus();
    }
}
