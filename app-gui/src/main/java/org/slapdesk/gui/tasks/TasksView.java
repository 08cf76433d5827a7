package org.slapdesk.gui.tasks;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.slapdesk.gui.notify.CauseChain;
import org.slapdesk.gui.notify.NotificationCenter;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.gui.task.TaskState;
import org.slapdesk.gui.util.Dialogs;
import org.slapdesk.gui.util.Tables;
import org.slapdesk.gui.util.TextFilter;
import org.slapdesk.gui.util.Times;

/** Tasks: running and recent background work, with progress, cancel and the error of failed ones. */
public final class TasksView implements PageView {

    private final VBox root = new VBox();
    private final CustomTextField filterBox;

    public TasksView(TaskService tasks) {
        root.getStyleClass().add("page");
        root.setId("tasks-page");
        StringProperty filter = new SimpleStringProperty("");
        FilteredList<TaskItem> visible = new FilteredList<>(tasks.tasks());
        filter.addListener((o, was, now) -> visible.setPredicate(TextFilter.of(
                now,
                (TaskItem t) -> Stream.of(
                        t.title(), t.messageProperty().get(), t.state().name()))));
        filterBox = Tables.filterBox(filter, "Filter tasks (Ctrl+F)");

        TableView<TaskItem> table =
                Tables.table("No task yet: actions on the master run here, with progress and cancel.");
        table.setId("tasks-table");
        TableColumn<TaskItem, TaskState> state = Tables.column("State", TaskItem::stateProperty);
        state.setMaxWidth(2000);
        TableColumn<TaskItem, Number> progress = Tables.column("Progress", TaskItem::progressProperty);
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                TaskItem item = empty ? null : getTableRow().getItem();
                if (item == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(
                        item.state() == TaskState.RUNNING
                                ? value.doubleValue()
                                : item.state() == TaskState.SUCCEEDED ? 1 : 0);
                bar.setMaxWidth(Double.MAX_VALUE);
                setGraphic(bar);
            }
        });
        TableColumn<TaskItem, Instant> started = Tables.fixed("Started", TaskItem::startedAt);
        started.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty ? null : Times.clock(at));
            }
        });
        started.setMaxWidth(1600);
        TableColumn<TaskItem, TaskItem> action = Tables.fixed("", t -> t);
        action.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TaskItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                if (item.state() == TaskState.RUNNING) {
                    Button cancel = new Button("Cancel", new FontIcon(Material2AL.CANCEL));
                    cancel.getStyleClass().addAll(Styles.SMALL, "task-cancel");
                    cancel.setOnAction(e -> item.cancel());
                    setGraphic(cancel);
                } else if (item.errorProperty().get() != null) {
                    Button details = new Button("Details");
                    details.getStyleClass().add(Styles.SMALL);
                    details.setOnAction(e -> Dialogs.error(
                            root,
                            "Task failed",
                            item.title() + " failed",
                            CauseChain.of(item.errorProperty().get()),
                            NotificationCenter.details(item.errorProperty().get())));
                    setGraphic(details);
                } else {
                    setGraphic(null);
                }
            }
        });
        action.setMaxWidth(1800);
        // the cancel / details button follows the state
        tasks.tasks().addListener((ListChangeListener<TaskItem>) c -> {
            while (c.next()) {
                for (TaskItem added : c.getAddedSubList()) {
                    added.stateProperty().addListener((o, was, now) -> table.refresh());
                }
            }
        });
        table.getColumns()
                .setAll(List.of(
                        state,
                        Tables.fixed("Task", TaskItem::title),
                        progress,
                        Tables.column("Message", TaskItem::messageProperty),
                        started,
                        action));
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
