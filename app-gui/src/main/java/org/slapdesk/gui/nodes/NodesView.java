package org.slapdesk.gui.nodes;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.nodes.action.ActionSpec;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.util.Dialogs;
import org.slapdesk.gui.util.Icons;
import org.slapdesk.gui.util.Tables;
import org.slapdesk.remote.action.slapos.ProcessState;
import org.slapdesk.remote.action.slapos.ProcessStatus;

/**
 * Nodes over SSH: the known nodes above, the page's main list taking most of the height (add,
 * edit, remove, connect); below a divider, for the selected node, its processes with restart,
 * its logs followed live, and the action wizard.
 */
public final class NodesView implements PageView {

    /** Where the divider goes when a fleet run starts, so its rows show. */
    private static final double FLEET_LIST_SHARE = 0.45;

    private final NodesViewModel model;
    private final NodeListModel list;
    private final NodeConnectionModel connection;
    private final NodeStatusModel status;
    private final NodeLogModel logs;
    private final VBox root = new VBox();
    private final NodeDialogs dialogs;
    private final TableView<NodeRow> table;
    private final TabPane tabs;

    public NodesView(NodesViewModel model, Clock clock) {
        this.model = model;
        this.list = model.list();
        this.connection = model.connection();
        this.status = model.status();
        this.logs = model.logs();
        root.getStyleClass().add("page");
        root.setId("nodes-page");
        dialogs = new NodeDialogs(root);
        connection.prompts(dialogs);

        Label title = new Label("Nodes over SSH");
        title.getStyleClass().add(Styles.TITLE_3);
        Label trust =
                new Label("Host keys are checked against " + model.environment().knownHosts()
                        + "; an unknown key is shown for you to check before it is trusted.");
        trust.getStyleClass().add("text-muted");
        trust.setWrapText(true);

        table = Tables.table("No node yet: press Add… and give the node's host, user and key file.");
        table.setId("nodes-table");
        table.setItems(list.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<NodeRow>)
                c -> list.chosen().setAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        table.setMinHeight(110);
        // dense rows: a fleet of nodes fits on the screen without scrolling
        Tables.alwaysDense(table);
        TableColumn<NodeRow, String> name = Tables.column("Name", NodeRow::displayNameBinding);
        name.setPrefWidth(170);
        table.getColumns().add(withTooltip(name));
        TableColumn<NodeRow, String> group = Tables.column("Group", r -> r.text(KnownNodeRecord::tag));
        table.getColumns().add(narrow(group, 80));
        TableColumn<NodeRow, NodeRow.Link> link = Tables.column("", NodeRow::linkProperty);
        link.setCellFactory(c -> linkCell());
        link.setMaxWidth(120);
        link.setMinWidth(105);
        link.setPrefWidth(105);
        table.getColumns().add(link);
        TableColumn<NodeRow, String> hostColumn = Tables.column("Host", r -> r.text(KnownNodeRecord::host));
        hostColumn.setPrefWidth(130);
        table.getColumns().add(hostColumn);
        table.getColumns().add(narrow(Tables.column("Port", r -> r.text(n -> Integer.toString(n.port()))), 55));
        table.getColumns().add(narrow(Tables.column("User", r -> r.text(KnownNodeRecord::user)), 70));
        table.getColumns().add(withTooltip(Tables.column("Key file", r -> r.text(NodeRow::keyText))));
        table.getColumns().add(narrow(Tables.column("Jump host", r -> r.text(NodeRow::jumpText)), 95));
        table.getColumns().add(narrow(Tables.column("sudo", r -> r.text(NodeRow::sudoText)), 60));
        TableColumn<NodeRow, String> hostKey = Tables.column("Host key", r -> r.text(NodeRow::fingerprintText));
        hostKey.setPrefWidth(110);
        table.getColumns().add(withTooltip(hostKey));
        TableColumn<NodeRow, String> lastResult = Tables.column("Last result", NodeRow::lastResultProperty);
        lastResult.setPrefWidth(180);
        table.getColumns().add(withTooltip(lastResult));
        TableColumn<NodeRow, Instant> at = Tables.column("At", NodeRow::lastResultAtProperty);
        at.setCellFactory(c -> timeCell(clock));
        at.setPrefWidth(145);
        at.setMinWidth(145);
        table.getColumns().add(at);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> list.selectedProperty()
                .set(now));
        list.selectedProperty().addListener((o, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        Tables.selectFirstWhenFilled(table);

        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        Button add = Icons.button("Add…", Material2AL.ADD, "Add a node reached over SSH");
        add.setId("node-add");
        add.setOnAction(e -> edit(NodeForm.blank(model.environment().home()), "Add a node"));
        Button importButton =
                Icons.button("Import…", Material2AL.FILE_UPLOAD, "Add the nodes of a hosts file or of ~/.ssh/config");
        importButton.setId("node-import");
        importButton.setOnAction(e -> {
            NodeImportModel form = new NodeImportModel(
                    list.rows().stream().map(NodeRow::record).toList(),
                    model.environment().home());
            if (dialogs.importNodes(form)) {
                list.addAll(List.copyOf(form.toAdd()));
            }
        });
        Button editButton = Icons.button("Edit…", Material2AL.EDIT, "Change the selected node");
        editButton.setId("node-edit");
        editButton.disableProperty().bind(none);
        editButton.setOnAction(e -> edit(
                NodeForm.editing(selected().record(), model.environment().home()),
                "Edit " + selected().displayName()));
        Button remove =
                Icons.button("Remove…", Material2AL.DELETE, "Forget the selected node (its known_hosts line stays)");
        remove.setId("node-remove");
        remove.disableProperty().bind(none);
        remove.setOnAction(e -> {
            NodeRow row = selected();
            String which =
                    row.displayName().equals(row.label()) ? row.label() : row.displayName() + " (" + row.label() + ")";
            if (Dialogs.confirm(
                    root,
                    "Remove " + row.displayName(),
                    "Forget " + which + "? Nothing changes on the node.",
                    "Remove")) {
                list.remove(row);
            }
        });
        Button connect = Icons.button("Connect", Material2AL.LINK, "Open an SSH connection to the selected node");
        connect.setId("node-connect");
        ObjectProperty<NodeRow.Link> selectedLink = new SimpleObjectProperty<>();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            selectedLink.unbind();
            if (now == null) {
                selectedLink.set(null);
            } else {
                selectedLink.bind(now.linkProperty());
            }
        });
        connect.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> selectedLink.get() != NodeRow.Link.OFFLINE
                                || connection.connectingProperty().get() != null,
                        selectedLink,
                        connection.connectingProperty()));
        connect.setOnAction(e -> connection.connect(selected()));
        Button disconnect = Icons.button("Disconnect", Material2AL.LINK_OFF, "Close the SSH connection");
        disconnect.setId("node-disconnect");
        disconnect.disableProperty().bind(selectedLink.isNotEqualTo(NodeRow.Link.CONNECTED));
        disconnect.setOnAction(e -> connection.disconnect(selected()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label connectingText = new Label();
        connectingText
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> connection.connectingProperty().get() == null
                                ? ""
                                : connection.connectingProperty().get().title() + "…",
                        connection.connectingProperty()));
        Button cancelConnect = Icons.button("Cancel", Material2MZ.STOP, "Stop connecting");
        cancelConnect.setId("node-connect-cancel");
        cancelConnect.setOnAction(e -> connection.cancelConnect());
        HBox connecting = new HBox(6, spinner, connectingText, cancelConnect);
        connecting.setAlignment(Pos.CENTER_LEFT);
        connecting.visibleProperty().bind(connection.connectingProperty().isNotNull());
        connecting.managedProperty().bind(connecting.visibleProperty());
        ComboBox<String> groups = new ComboBox<>();
        groups.setId("node-group");
        groups.setPromptText("group");
        groups.setOnShowing(e -> groups.getItems().setAll(list.groups()));
        Button selectGroup = Icons.button("Select group", Material2MZ.SELECT_ALL, "Select every node of the group");
        selectGroup.setId("node-select-group");
        selectGroup.disableProperty().bind(groups.valueProperty().isNull());
        selectGroup.setOnAction(e -> selectGroup(groups.getValue()));
        ToolBar bar =
                new ToolBar(add, importButton, editButton, remove, new Separator(), connect, disconnect, connecting);
        // the fleet's controls share the title's line: the node list keeps the height
        HBox titleLine = new HBox(
                8,
                title,
                new Spacer(),
                groups,
                selectGroup,
                new Separator(Orientation.VERTICAL),
                fleetAction(),
                runOnChosen());
        titleLine.setAlignment(Pos.CENTER_LEFT);

        Label where = new Label();
        where.setId("node-slapos-where");
        where.getStyleClass().add("text-muted");
        ObjectProperty<KnownNodeRecord> selectedRecord = selectedRecord(list);
        where.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            // read the bound property itself, or it stays invalid and later edits are not seen
                            KnownNodeRecord r = selectedRecord.get();
                            return r == null
                                    ? ""
                                    : "On " + r.displayName() + ": " + NodeRow.slaposText(r)
                                            + "  (Edit… to change where slapos and slapos.cfg are on this node)";
                        },
                        selectedRecord));

        Tab fleetTab = new Tab("Fleet run", new FleetRunView(model.fleet()).node());
        fleetTab.setId("node-fleet-tab");
        tabs = new TabPane(
                new Tab("Status", statusPane()),
                new Tab("Logs", logsPane()),
                new Tab("Actions", new ActionWizardView(model.wizard(), clock).node()),
                fleetTab);
        tabs.setId("node-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(2);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        tabs.setMinHeight(120);
        Hyperlink server = new Hyperlink();
        server.setId("node-server-link");
        server.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> selectedRecord.get() == null
                                ? ""
                                : selectedRecord
                                        .get()
                                        .computerId()
                                        .map(id -> "Server: " + id + " (open)")
                                        .orElse(""),
                        selectedRecord));
        server.visibleProperty().bind(server.textProperty().isNotEmpty());
        server.managedProperty().bind(server.visibleProperty());
        server.setTooltip(new Tooltip("The server this node is on the master (computer_id of its slapos.cfg)"));
        server.setOnAction(e -> selectedRecord.get().computerId().ifPresent(model::openServer));
        HBox whereAndServer = new HBox(12, where, server);
        whereAndServer.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(6, whereAndServer, tabs);
        SplitPane split = new SplitPane(table, detail);
        split.setId("nodes-split");
        split.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(detail, false);
        split.getDividers().get(0).positionProperty().bindBidirectional(model.listShareProperty());
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(titleLine, trust, bar, split);
    }

    private void selectGroup(String tag) {
        List<NodeRow> members = list.group(tag);
        table.getSelectionModel().clearSelection();
        members.forEach(r -> table.getSelectionModel().select(r));
    }

    /** The wizard's action, chosen from the toolbar too: the one a fleet run runs (its form is in Actions). */
    private Node fleetAction() {
        ComboBox<ActionSpec> choice = new ComboBox<>();
        choice.setId("fleet-action");
        choice.getItems().setAll(model.wizard().catalog());
        choice.valueProperty().bindBidirectional(model.wizard().actionProperty());
        choice.setPrefWidth(230);
        choice.setVisibleRowCount(16);
        choice.setTooltip(new Tooltip("The action to run on the selected nodes; its settings are in the Actions tab"));
        return choice;
    }

    /** "Run on N nodes": the wizard's action on every selected node, after a confirmation when it changes them. */
    private Node runOnChosen() {
        Button run = Icons.button(
                "Run on the selected nodes",
                Material2MZ.PLAYLIST_PLAY,
                "Run this action on every selected node at once; each node's result is in Fleet run");
        run.setId("action-run-fleet");
        run.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Run on " + list.chosen().size() + (list.chosen().size() == 1 ? " node" : " nodes"),
                        list.chosen()));
        run.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> list.chosen().isEmpty()
                                || !model.wizard().problemProperty().get().isEmpty()
                                || model.fleet().runningProperty().get(),
                        list.chosen(),
                        model.wizard().problemProperty(),
                        model.fleet().runningProperty()));
        run.setOnAction(e -> {
            ActionSpec spec = model.wizard().actionProperty().get();
            int count = list.chosen().size();
            if (spec.changesTheNode()
                    && !Dialogs.confirm(
                            root,
                            spec.label() + " on " + count + " nodes",
                            "Plan and apply " + spec.label() + " on " + count + " nodes, up to "
                                    + model.fleet().parallelProperty().get()
                                    + " at once, without a preview of each plan (each node's plan is in its output)."
                                    + " A node that fails undoes what it changed.",
                            "Apply on " + count + " nodes")) {
                return;
            }
            if (model.runOnChosen()) {
                tabs.getSelectionModel().select(3);
                // the run's rows need the room now; the list gets it back when the divider is moved
                if (model.listShareProperty().get() > FLEET_LIST_SHARE) {
                    model.listShareProperty().set(FLEET_LIST_SHARE);
                }
            }
        });
        return run;
    }

    /** The selected row's record, following both the selection and edits of that row. */
    private static ObjectProperty<KnownNodeRecord> selectedRecord(NodeListModel list) {
        ObjectProperty<KnownNodeRecord> record = new SimpleObjectProperty<>();
        if (list.selectedProperty().get() != null) {
            record.bind(list.selectedProperty().get().recordProperty());
        }
        list.selectedProperty().addListener((o, was, now) -> {
            record.unbind();
            if (now == null) {
                record.set(null);
            } else {
                record.bind(now.recordProperty());
            }
        });
        return record;
    }

    private static TableCell<NodeRow, Instant> timeCell(Clock clock) {
        DateTimeFormatter shown =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        DateTimeFormatter whole =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz").withZone(clock.getZone());
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shown.format(item));
                setTooltip(empty || item == null ? null : new Tooltip(whole.format(item)));
            }
        };
    }

    private NodeRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void edit(NodeForm form, String title) {
        if (dialogs.editNode(form, title)) {
            list.save(form, () -> {});
        }
    }

    /** Cells that show their whole text in a tooltip (paths and fingerprints are long). */
    private static TableColumn<NodeRow, String> withTooltip(TableColumn<NodeRow, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return column;
    }

    private static <T, V> TableColumn<T, V> narrow(TableColumn<T, V> column, double width) {
        column.setMaxWidth(width * 1.5);
        column.setPrefWidth(width);
        return column;
    }

    private static TableCell<NodeRow, NodeRow.Link> linkCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(NodeRow.Link item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("state-up", "state-idle");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(
                        switch (item) {
                            case OFFLINE -> "offline";
                            case CONNECTING -> "connecting…";
                            case CONNECTED -> "connected";
                        });
                if (item == NodeRow.Link.CONNECTED) {
                    getStyleClass().add("state-up");
                } else if (item == NodeRow.Link.CONNECTING) {
                    getStyleClass().add("state-idle");
                }
            }
        };
    }

    private Node statusPane() {
        TableView<ProcessStatus> processes =
                Tables.table("Press Refresh to read `slapos node status` from the connected node.");
        processes.setId("processes-table");
        processes.setItems(status.processes());
        processes.getColumns().add(Tables.fixed("Process", ProcessStatus::fullName));
        TableColumn<ProcessStatus, ProcessState> state = Tables.fixed("State", ProcessStatus::state);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ProcessState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("state-up", "state-down", "state-idle");
                setText(empty || item == null ? null : item.name());
                if (!empty && item != null) {
                    getStyleClass()
                            .add(
                                    item.isUp()
                                            ? "state-up"
                                            : item == ProcessState.FATAL || item == ProcessState.BACKOFF
                                                    ? "state-down"
                                                    : "state-idle");
                }
            }
        });
        state.setMaxWidth(140);
        processes.getColumns().add(state);
        TableColumn<ProcessStatus, String> pid = Tables.fixed(
                "PID", p -> p.pid().isPresent() ? Long.toString(p.pid().getAsLong()) : "");
        pid.setMaxWidth(100);
        processes.getColumns().add(pid);
        processes.getColumns().add(Tables.fixed("Details", ProcessStatus::description));
        Button refresh = Icons.button("Refresh", Material2MZ.REFRESH, "slapos node status");
        refresh.setId("status-refresh");
        refresh.disableProperty().bind(status.loadingProperty());
        refresh.setOnAction(e -> status.refresh());
        Button restart = Icons.button("Restart…", Material2MZ.REPLAY, "slapos node restart PROCESS");
        restart.setId("status-restart");
        restart.disableProperty()
                .bind(processes.getSelectionModel().selectedItemProperty().isNull());
        restart.setOnAction(e -> {
            ProcessStatus p = processes.getSelectionModel().getSelectedItem();
            if (Dialogs.confirm(
                    root,
                    "Restart " + p.fullName(),
                    "Run `slapos node restart " + p.fullName() + "` on the node?",
                    "Restart")) {
                status.restart(p);
            }
        });
        VBox.setVgrow(processes, Priority.ALWAYS);
        return new VBox(6, new ToolBar(refresh, restart), processes);
    }

    private Node logsPane() {
        ComboBox<String> which = new ComboBox<>();
        which.setId("log-which");
        which.setEditable(true);
        which.getItems().addAll("software", "instance");
        which.setValue("software");
        which.setPrefWidth(320);
        which.setPromptText("software, instance or an absolute path");
        TextField lines = new TextField("200");
        lines.setPrefColumnCount(5);
        Button follow =
                Icons.button("Follow", Material2MZ.PLAY_ARROW, "tail -F the log: new lines appear as they are written");
        follow.setId("log-follow");
        follow.disableProperty().bind(logs.followingProperty());
        follow.setOnAction(e -> {
            int n;
            try {
                n = Integer.parseInt(lines.getText().strip());
            } catch (NumberFormatException ex) {
                n = 200;
            }
            String choice = which.getEditor().getText() == null
                            || which.getEditor().getText().isBlank()
                    ? which.getValue()
                    : which.getEditor().getText().strip();
            logs.follow(choice, n);
        });
        Button stop = Icons.button("Stop", Material2MZ.STOP, "Stop following");
        stop.setId("log-stop");
        stop.disableProperty().bind(logs.followingProperty().not());
        stop.setOnAction(e -> logs.stop());
        TextArea text = new TextArea();
        text.setId("log-text");
        text.setEditable(false);
        text.getStyleClass().add("monospace");
        FollowingText.follow(text, logs.lines());
        VBox.setVgrow(text, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Log"), which, new Label("last lines"), lines, follow, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, bar, text);
    }

    /** Selects these nodes and only them (the nodes of several servers), ready for a fleet run. */
    public void select(List<NodeRow> rows) {
        table.getSelectionModel().clearSelection();
        rows.forEach(r -> table.getSelectionModel().select(r));
        if (!rows.isEmpty()) {
            table.scrollTo(rows.get(0));
        }
    }

    /** Shows the node (from a server's link): selected alone in the list. */
    public void open(NodeRow row) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(row);
        table.scrollTo(row);
    }

    @Override
    public Node node() {
        return root;
    }
}
