package org.slapdesk.gui.servers;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.gui.page.ListPageTable;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.util.Dialogs;
import org.slapdesk.gui.util.Icons;
import org.slapdesk.gui.util.MasterDetail;
import org.slapdesk.gui.util.Tables;
import org.slapdesk.gui.util.Times;

/** Servers: the node table above, the selected node's partitions and supplied software below. */
public final class ServersView implements PageView {

    private final ServersViewModel model;
    private final Supplier<List<String>> releasesInServices;
    private final Clock clock;
    private final VBox root = new VBox();
    private final CustomTextField filter;
    private final TableView<ServerRow> servers;
    private final TableView<SoftwareRow> software;
    private final Hyperlink nodeLink = new Hyperlink();
    private final Button nodesOfServers;
    private Function<String, Optional<String>> nodeOnServer = reference -> Optional.empty();
    private Consumer<List<String>> openNodes = references -> {};

    public ServersView(ServersViewModel model, Supplier<List<String>> releasesInServices, Clock clock) {
        this.model = model;
        this.releasesInServices = releasesInServices;
        this.clock = clock;
        root.getStyleClass().add("page");
        root.setId("servers-page");

        filter = Tables.filterBox(model.list().filterProperty(), "Filter servers (Ctrl+F)");
        Button supply = Icons.button(
                "Supply…",
                Material2AL.CLOUD_DOWNLOAD,
                "Install a software release on the selected server (Ctrl+Shift+S)");
        supply.setId("supply");
        supply.disableProperty().bind(model.list().selectedProperty().isNull());
        supply.setOnAction(e -> openSupply());
        Button remove = Icons.button(
                "Remove…", Material2AL.DELETE, "Remove the selected software release from the server (Delete)");
        remove.setId("remove-software");
        Button token = Icons.button("Token", Material2AL.CONTENT_COPY, "Get a node registration token");
        token.setId("token");
        token.disableProperty().bind(model.list().connectedProperty().not());
        token.setOnAction(e -> new TokenDialog(model.tokens(), root).open());
        Label count = ListPageTable.summary(model.list(), "servers-count", "server", "servers");
        nodeLink.setId("server-node-link");
        nodeLink.visibleProperty().bind(nodeLink.textProperty().isNotEmpty());
        nodeLink.managedProperty().bind(nodeLink.visibleProperty());
        nodeLink.setTooltip(new Tooltip("The node over SSH whose slapos.cfg names this server (its computer_id)"));
        model.list().selectedProperty().addListener((o, was, now) -> {
            showNodeLink();
            enableNodesOfServers();
        });
        nodesOfServers = Icons.button(
                "Nodes of these servers",
                Material2MZ.STORAGE,
                "Select the nodes over SSH on the selected servers on the Nodes page, e.g. to run one action on all");
        nodesOfServers.setId("servers-nodes");
        nodesOfServers.setOnAction(e -> openNodes.accept(
                chosenServers().stream().map(ServerRow::reference).toList()));
        model.list().chosenRows().addListener((ListChangeListener<ServerRow>) c -> enableNodesOfServers());
        enableNodesOfServers();
        ToolBar bar = new ToolBar(
                filter,
                count,
                nodeLink,
                nodesOfServers,
                new Spacer(),
                supply,
                remove,
                token,
                ListPageTable.refreshButton(model.list()));

        servers = ListPageTable.of(
                model.list(), "servers-table", ServerRow::healthProperty, ServerRow::healthChangedAtProperty);
        ListPageTable.selectMany(servers);
        TableColumn<ServerRow, String> title = Tables.column("Title", ServerRow::titleProperty);
        TableColumn<ServerRow, String> reference = Tables.fixed("Reference", ServerRow::reference);
        TableColumn<ServerRow, Instant> contact = Tables.column("Last contact", ServerRow::lastContactProperty);
        contact.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty ? null : Times.ago(at, clock));
            }
        });
        TableColumn<ServerRow, PartitionUsage> used = new TableColumn<>("Partitions used / total");
        used.setCellValueFactory(c -> Bindings.createObjectBinding(
                () -> new PartitionUsage(
                        c.getValue().partitionsUsedProperty().get(),
                        c.getValue().partitionsTotalProperty().get()),
                c.getValue().partitionsUsedProperty(),
                c.getValue().partitionsTotalProperty()));
        TableColumn<ServerRow, Number> softwareCount = Tables.column("Software", ServerRow::softwareCountProperty);
        servers.getColumns().addAll(List.of(title, reference, contact, used, softwareCount));

        TableView<PartitionRow> partitions = ListPageTable.detail(
                "partitions-table", "Select a server to see its partitions.", PartitionRow::health);
        partitions
                .getColumns()
                .addAll(List.of(
                        Tables.fixed("Partition", PartitionRow::reference),
                        Tables.fixed("State", PartitionRow::state),
                        Tables.fixed("Instance", PartitionRow::instance),
                        Tables.fixed("Release", PartitionRow::release)));
        Tables.sorted(partitions, model.partitions());

        software = ListPageTable.detail(
                "software-table", "Select a server to see the software supplied to it.", SoftwareRow::health);
        software.getColumns()
                .addAll(List.of(
                        Tables.fixed("Software release URL", SoftwareRow::url),
                        Tables.fixed("Requested state", SoftwareRow::state),
                        Tables.fixed("Installation", SoftwareRow::installation)));
        Tables.sorted(software, model.software());
        if (software.getPlaceholder() instanceof Label placeholder) {
            placeholder
                    .textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> emptySoftwareText(
                                    model.list().selectedProperty().get()),
                            model.list().selectedProperty()));
        }
        remove.disableProperty()
                .bind(software.getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .and(Bindings.size(model.list().chosenRows()).lessThan(2)));
        remove.setOnAction(e -> removeSelected());

        SplitPane split = MasterDetail.of(
                servers,
                Bindings.createStringBinding(
                        () -> model.list().selectedProperty().get() == null
                                ? "No server selected"
                                : model.list()
                                                .selectedProperty()
                                                .get()
                                                .titleProperty()
                                                .get() + "  ("
                                        + model.list().selectedProperty().get().reference() + ")",
                        model.list().selectedProperty()),
                new Tab("Partitions", partitions),
                new Tab("Supplied software", software));
        root.getChildren().addAll(bar, split);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && software.isFocused()) {
                removeSelected();
            }
        });
    }

    /**
     * Links a server to the node over SSH on it: {@code nodeOnServer} names the node whose
     * computer_id is the server's reference, {@code openNode} shows it on the Nodes page; the
     * link and the button follow {@code nodesChanged} (a computer_id read after the server was
     * selected).
     */
    public void linkNodes(
            Observable nodesChanged, Function<String, Optional<String>> nodeOnServer, Consumer<String> openNode) {
        this.nodeOnServer = nodeOnServer;
        nodesChanged.addListener(o -> {
            showNodeLink();
            enableNodesOfServers();
        });
        nodeLink.setOnAction(e -> {
            ServerRow row = model.list().selectedProperty().get();
            if (row != null) {
                openNode.accept(row.reference());
            }
        });
        showNodeLink();
        enableNodesOfServers();
    }

    /** {@code openNodes} selects on the Nodes page the nodes on these servers (their references). */
    public void openNodesOfServersWith(Consumer<List<String>> openNodes) {
        this.openNodes = openNodes;
    }

    private void enableNodesOfServers() {
        nodesOfServers.setDisable(chosenServers().stream()
                .noneMatch(r -> nodeOnServer.apply(r.reference()).isPresent()));
    }

    private void showNodeLink() {
        ServerRow row = model.list().selectedProperty().get();
        nodeLink.setText(
                row == null
                        ? ""
                        : nodeOnServer
                                .apply(row.reference())
                                .map(n -> "Node: " + n + " (open)")
                                .orElse(""));
    }

    /** Selects the server with this reference (clearing a filter that hides it). */
    public void select(String reference) {
        Optional<ServerRow> row = model.list().rows().stream()
                .filter(r -> r.reference().equals(reference))
                .findFirst();
        if (row.isPresent()) {
            if (!model.list().visibleRows().contains(row.get())) {
                model.list().filterProperty().set("");
            }
            servers.getSelectionModel().select(row.get());
            servers.scrollTo(row.get());
        }
        showNodeLink();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusFilter() {
        filter.requestFocus();
    }

    public void openSupply() {
        if (model.list().selectedProperty().get() == null
                && !model.list().visibleRows().isEmpty()) {
            servers.getSelectionModel().select(0);
        }
        List<String> nodes = chosenServers().stream().map(ServerRow::reference).toList();
        if (nodes.isEmpty()) {
            return;
        }
        String where = nodes.size() == 1 ? nodes.get(0) : nodes.size() + " servers (" + String.join(", ", nodes) + ")";
        new SupplyDialog(model.knownReleases(releasesInServices.get()), where)
                .ask(root)
                .ifPresent(url -> model.supply(url, nodes));
    }

    static String emptySoftwareText(ServerRow selected) {
        return selected == null
                ? "Select a server to see the software supplied to it."
                : "No software supplied to " + selected.reference() + " yet";
    }

    /** The selected servers; the focused one when the selection list is not filled yet. */
    private List<ServerRow> chosenServers() {
        if (!model.list().chosenRows().isEmpty()) {
            return List.copyOf(model.list().chosenRows());
        }
        ServerRow row = model.list().selectedProperty().get();
        return row == null ? List.of() : List.of(row);
    }

    private void removeSelected() {
        List<ServerRow> chosen = chosenServers();
        if (chosen.size() > 1) {
            removeFromSeveral(chosen);
            return;
        }
        ServerRow row = model.list().selectedProperty().get();
        SoftwareRow selected = software.getSelectionModel().getSelectedItem();
        if (row == null || selected == null) {
            return;
        }
        if (Dialogs.confirm(
                root,
                "Remove software from " + row.reference(),
                "Remove " + selected.url() + " from " + row.reference()
                        + "? Instances of this release on the server stop working once it is removed.",
                "Remove")) {
            model.remove(selected.url(), row.reference());
        }
    }

    /** Remove with several servers selected: which release, then one confirmation naming how many servers have it. */
    private void removeFromSeveral(List<ServerRow> chosen) {
        List<String> releases = model.releasesOn(chosen);
        if (releases.isEmpty()) {
            Dialogs.details(
                    root,
                    "Remove software",
                    "Nothing to remove",
                    "None of the " + chosen.size() + " selected servers has software supplied.");
            return;
        }
        SoftwareRow focused = software.getSelectionModel().getSelectedItem();
        ChoiceDialog<String> which = new ChoiceDialog<>(
                focused != null && releases.contains(focused.url()) ? focused.url() : releases.get(0), releases);
        which.setTitle("Remove software");
        which.setHeaderText("Remove which release from the " + chosen.size() + " selected servers?");
        which.getDialogPane().setId("remove-which-release");
        Dialogs.owner(root).ifPresent(which::initOwner);
        which.showAndWait().ifPresent(url -> {
            List<String> having = chosen.stream()
                    .filter(row -> row.detail() != null
                            && row.detail().software().stream()
                                    .anyMatch(s -> s.softwareReleaseUrl().equals(url)))
                    .map(ServerRow::reference)
                    .toList();
            if (Dialogs.confirm(
                    root,
                    "Remove software from " + having.size() + " servers",
                    "Remove " + url + " from " + having.size() + " servers (" + String.join(", ", having)
                            + ")? Instances of this release on these servers stop working once it is removed.",
                    "Remove")) {
                model.remove(url, having);
            }
        });
    }
}
