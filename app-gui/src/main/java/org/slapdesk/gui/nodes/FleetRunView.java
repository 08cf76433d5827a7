package org.slapdesk.gui.nodes;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.gui.nodes.fleet.FleetNodeRun;
import org.slapdesk.gui.nodes.fleet.FleetRunModel;
import org.slapdesk.gui.util.Icons;
import org.slapdesk.gui.util.Tables;

/** A fleet run: a row per node (state, reason, time), the selected node's output, cancel all or one. */
final class FleetRunView {

    private final FleetRunModel model;
    private final VBox root = new VBox(6);
    private final TextArea output = new TextArea();
    private final ListChangeListener<String> appendLines = c -> {
        while (c.next()) {
            if (c.wasRemoved()) {
                showAll();
                return;
            }
            c.getAddedSubList().forEach(l -> output.appendText(l + "\n"));
        }
    };

    FleetRunView(FleetRunModel model) {
        this.model = model;
        root.setId("fleet-run");
        Label title = new Label();
        title.setId("fleet-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.titleProperty().get().isEmpty()
                                ? "Select several nodes above (or a group), choose an action in Actions, and press"
                                        + " Run on the selected nodes."
                                : model.titleProperty().get(),
                        model.titleProperty()));
        Spinner<Integer> parallel = new Spinner<>(
                1, FleetRunModel.MOST_PARALLEL, model.parallelProperty().get());
        parallel.setId("fleet-parallel");
        parallel.setPrefWidth(80);
        parallel.valueProperty()
                .addListener((o, was, now) -> model.parallelProperty().set(now));
        parallel.setTooltip(new Tooltip("Nodes worked on at once (the command line's --parallel)"));

        TableView<FleetNodeRun> table = Tables.table("No fleet run yet.");
        table.setId("fleet-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(model.rows());
        TableColumn<FleetNodeRun, String> node = Tables.fixed("Node", FleetNodeRun::name);
        node.setPrefWidth(200);
        table.getColumns().add(node);
        TableColumn<FleetNodeRun, FleetNodeRun.State> state = Tables.column("State", FleetNodeRun::stateProperty);
        state.setCellFactory(c -> stateCell());
        state.setPrefWidth(90);
        state.setMaxWidth(110);
        table.getColumns().add(state);
        TableColumn<FleetNodeRun, Duration> took = Tables.column("Time", FleetNodeRun::durationProperty);
        took.setCellFactory(c -> durationCell());
        took.setPrefWidth(70);
        took.setMaxWidth(90);
        table.getColumns().add(took);
        table.getColumns().add(Tables.column("Reason", FleetNodeRun::reasonProperty));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.output().removeListener(appendLines);
            }
            if (now != null) {
                now.output().addListener(appendLines);
                if (table.getSelectionModel().getSelectedItem() != now) {
                    table.getSelectionModel().select(now);
                }
            }
            showAll();
        });

        Button cancelAll = Icons.button("Cancel all", Material2MZ.STOP, "Stop every node still queued or running");
        cancelAll.setId("fleet-cancel-all");
        cancelAll.disableProperty().bind(model.runningProperty().not());
        cancelAll.setOnAction(e -> model.cancelAll());
        Button cancelOne = Icons.button(
                "Cancel this node",
                Material2MZ.STOP_CIRCLE,
                "Stop the selected node: a running apply undoes what it did");
        cancelOne.setId("fleet-cancel-one");
        cancelOne.disableProperty().bind(model.runningProperty().not());
        cancelOne.setOnAction(e -> {
            FleetNodeRun row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.cancel(row);
            }
        });
        HBox bar = new HBox(8, title, new Label("at once"), parallel, cancelAll, cancelOne);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);

        output.setId("fleet-output");
        output.setEditable(false);
        output.getStyleClass().add("monospace");
        output.setPromptText("The selected node's output");
        SplitPane split = new SplitPane(table, output);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(bar, split);
    }

    private void showAll() {
        FleetNodeRun row = model.selectedProperty().get();
        output.setText(row == null || row.output().isEmpty() ? "" : String.join("\n", row.output()) + "\n");
        output.positionCaret(output.getLength());
    }

    private static TableCell<FleetNodeRun, FleetNodeRun.State> stateCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(FleetNodeRun.State item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("state-up", "state-down", "state-idle");
                setText(empty || item == null ? null : item.toString());
                if (!empty && item != null) {
                    getStyleClass()
                            .add(
                                    switch (item) {
                                        case OK -> "state-up";
                                        case FAILED -> "state-down";
                                        default -> "state-idle";
                                    });
                }
            }
        };
    }

    private static TableCell<FleetNodeRun, Duration> durationCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Duration item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%.1f s", item.toMillis() / 1000.0));
            }
        };
    }

    Node node() {
        return root;
    }
}
