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
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
    private Function<String, Optional<String>> nodeOnServer = reference -> Optional.empty();

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
        token.setOnAction(e -> model.requestToken(answer -> Dialogs.details(
                root,
                "Node registration token",
                answer.isPresent()
                        ? "Give this one-time token to the node's registration step"
                        : "This master gives no registration token",
                answer.orElse("The master answered without a token: register nodes with a certificate instead."))));
        nodeLink.setId("server-node-link");
        nodeLink.visibleProperty().bind(nodeLink.textProperty().isNotEmpty());
        nodeLink.managedProperty().bind(nodeLink.visibleProperty());
        nodeLink.setTooltip(new Tooltip("The node over SSH whose slapos.cfg names this server (its computer_id)"));
        model.list().selectedProperty().addListener((o, was, now) -> showNodeLink());
        ToolBar bar = new ToolBar(
                filter, nodeLink, new Spacer(), supply, remove, token, ListPageTable.refreshButton(model.list()));

        servers = ListPageTable.of(
                model.list(), "servers-table", ServerRow::healthProperty, ServerRow::healthChangedAtProperty);
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
        TableColumn<ServerRow, String> used = new TableColumn<>("Partitions used / total");
        used.setCellValueFactory(c -> Bindings.concat(
                c.getValue().partitionsUsedProperty(), " / ", c.getValue().partitionsTotalProperty()));
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
        partitions.setItems(model.partitions());

        software = ListPageTable.detail(
                "software-table", "Select a server to see the software supplied to it.", SoftwareRow::health);
        software.getColumns()
                .addAll(List.of(
                        Tables.fixed("Software release URL", SoftwareRow::url),
                        Tables.fixed("Requested state", SoftwareRow::state),
                        Tables.fixed("Installation", SoftwareRow::installation)));
        software.setItems(model.software());
        if (software.getPlaceholder() instanceof Label placeholder) {
            placeholder
                    .textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> emptySoftwareText(
                                    model.list().selectedProperty().get()),
                            model.list().selectedProperty()));
        }
        remove.disableProperty()
                .bind(software.getSelectionModel().selectedItemProperty().isNull());
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
     * computer_id is the server's reference, {@code openNode} shows it on the Nodes page.
     */
    public void linkNodes(Function<String, Optional<String>> nodeOnServer, Consumer<String> openNode) {
        this.nodeOnServer = nodeOnServer;
        nodeLink.setOnAction(e -> {
            ServerRow row = model.list().selectedProperty().get();
            if (row != null) {
                openNode.accept(row.reference());
            }
        });
        showNodeLink();
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
        ServerRow row = model.list().selectedProperty().get();
        if (row == null && !model.list().visibleRows().isEmpty()) {
            servers.getSelectionModel().select(0);
            row = model.list().selectedProperty().get();
        }
        if (row == null) {
            return;
        }
        String node = row.reference();
        new SupplyDialog(model.knownReleases(releasesInServices.get()), node)
                .ask(root)
                .ifPresent(url -> model.supply(url, node));
    }

    static String emptySoftwareText(ServerRow selected) {
        return selected == null
                ? "Select a server to see the software supplied to it."
                : "No software supplied to " + selected.reference() + " yet";
    }

    private void removeSelected() {
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
}
