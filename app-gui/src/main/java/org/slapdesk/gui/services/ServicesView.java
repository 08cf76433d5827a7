package org.slapdesk.gui.services;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.gui.page.ListPageTable;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.servers.ReleaseChoice;
import org.slapdesk.gui.util.ColumnOrder;
import org.slapdesk.gui.util.Dialogs;
import org.slapdesk.gui.util.Icons;
import org.slapdesk.gui.util.MasterDetail;
import org.slapdesk.gui.util.Releases;
import org.slapdesk.gui.util.Tables;

/** Services: instance trees above; the selected one's instances, parameters and connection parameters below. */
public final class ServicesView implements PageView {

    private final ServicesViewModel model;
    private final Supplier<RequestViewModel> newRequest;
    private final Supplier<List<ReleaseChoice>> knownReleases;
    private final Consumer<String> openUrl;
    private final VBox root = new VBox();
    private final CustomTextField filter;

    public ServicesView(
            ServicesViewModel model,
            Supplier<RequestViewModel> newRequest,
            Supplier<List<ReleaseChoice>> knownReleases,
            Consumer<String> openUrl,
            Node promises) {
        this.model = model;
        this.newRequest = newRequest;
        this.knownReleases = knownReleases;
        this.openUrl = openUrl;
        root.getStyleClass().add("page");
        root.setId("services-page");

        filter = Tables.filterBox(model.list().filterProperty(), "Filter services (Ctrl+F)");
        Button request = Icons.button("Request…", Material2AL.ADD, "Request a new service (Ctrl+N)");
        request.setId("request");
        request.setOnAction(e -> openRequest());
        Button edit = Icons.button("Parameters…", Material2AL.EDIT, "Change the selected service's parameters");
        edit.setId("edit-parameters");
        edit.disableProperty().bind(model.offers(ServiceAction.PARAMETERS).not());
        edit.setOnAction(e -> openEdit());
        Button start = Icons.button("Start", Material2MZ.PLAY_ARROW, "Start the selected service");
        start.setId("start");
        start.disableProperty().bind(model.offers(ServiceAction.START).not());
        start.setOnAction(e -> changeState(RequestedState.STARTED));
        Button stop = Icons.button("Stop", Material2MZ.STOP, "Stop the selected service");
        stop.setId("stop");
        stop.disableProperty().bind(model.offers(ServiceAction.STOP).not());
        stop.setOnAction(e -> changeState(RequestedState.STOPPED));
        Button destroy = Icons.button("Destroy…", Material2AL.DELETE_FOREVER, "Destroy the selected service (Delete)");
        destroy.setId("destroy");
        destroy.disableProperty().bind(model.offers(ServiceAction.DESTROY).not());
        destroy.setOnAction(e -> changeState(RequestedState.DESTROYED));
        Label count = ListPageTable.summary(model.list(), "services-count", "service", "services");
        ToolBar bar = new ToolBar(
                filter,
                count,
                new Spacer(),
                request,
                edit,
                start,
                stop,
                destroy,
                ListPageTable.refreshButton(model.list()));

        Message pending = new Message("Request", "", new FontIcon(Material2MZ.SCHEDULE));
        pending.setId("pending-request");
        pending.getStyleClass().add(Styles.WARNING);
        pending.descriptionProperty().bind(model.pendingRequestProperty());
        Button cancelWaiting = new Button("Stop waiting", new FontIcon(Material2AL.CANCEL));
        cancelWaiting.setId("cancel-pending-request");
        cancelWaiting.setOnAction(e -> model.cancelPendingRequest());
        HBox pendingBar = new HBox(8, pending, cancelWaiting);
        pendingBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(pending, Priority.ALWAYS);
        pending.setMaxWidth(Double.MAX_VALUE);
        pendingBar.visibleProperty().bind(model.pendingRequestProperty().isNotEmpty());
        pendingBar.managedProperty().bind(pendingBar.visibleProperty());

        TableView<ServiceRow> services = ListPageTable.of(
                model.list(), "services-table", ServiceRow::healthProperty, ServiceRow::healthChangedAtProperty);
        TableColumn<ServiceRow, String> release = Tables.column("Release", ServiceRow::releaseProperty);
        release.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String url, boolean empty) {
                super.updateItem(url, empty);
                setText(empty || url == null ? null : Releases.shortName(url));
                setTooltip(empty || url == null ? null : new Tooltip(url));
            }
        });
        release.setComparator(Comparator.comparing(Releases::shortName, ColumnOrder.NATURAL));
        services.getColumns()
                .addAll(List.of(
                        Tables.fixed("Title", ServiceRow::title),
                        release,
                        Tables.column("Software type", ServiceRow::softwareTypeProperty),
                        Tables.column("Requested state", ServiceRow::requestedStateProperty)));
        services.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                changeState(RequestedState.DESTROYED);
            }
        });

        TableView<InstanceRow> instances =
                ListPageTable.detail("instances-table", "Select a service to see its instances.", InstanceRow::health);
        instances
                .getColumns()
                .addAll(List.of(
                        Tables.fixed("Instance", InstanceRow::title),
                        Tables.fixed("Software type", InstanceRow::softwareType),
                        Tables.fixed("State", InstanceRow::state),
                        Tables.fixed("Server / partition", InstanceRow::location),
                        Tables.fixed("Shared", r -> r.shared() ? "yes" : "")));
        Tables.sorted(instances, model.instances());

        TableView<KeyValue> parameters = keyValueTable("parameters-table", "The service has no parameters.");
        Tables.sorted(parameters, model.parameters());
        TableView<KeyValue> connection = keyValueTable(
                "connection-table",
                "No connection parameters yet: they appear once the instance has been deployed on its server.");
        Tables.sorted(connection, model.connectionParameters());

        SplitPane split = MasterDetail.of(
                services,
                Bindings.createStringBinding(
                        () -> model.list().selectedProperty().get() == null
                                ? "No service selected"
                                : model.list().selectedProperty().get().title(),
                        model.list().selectedProperty()),
                new Tab("Connection parameters", connection),
                new Tab("Instances", instances),
                new Tab("Parameters", parameters),
                new Tab("Promises", promises));
        root.getChildren().addAll(bar, pendingBar, split);
    }

    private TableView<KeyValue> keyValueTable(String id, String empty) {
        TableView<KeyValue> table = Tables.table(empty);
        table.setId(id);
        TableColumn<KeyValue, String> key = Tables.fixed("Parameter", KeyValue::key);
        key.setMaxWidth(3000);
        TableColumn<KeyValue, KeyValue> value = Tables.fixed("Value", row -> row);
        value.setComparator(Comparator.comparing(KeyValue::value, ColumnOrder.NATURAL));
        value.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(KeyValue row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Label text = new Label(row.shown(false));
                text.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox box = new HBox(4, text);
                if (row.isSecret()) {
                    ToggleButton reveal = new ToggleButton("", new FontIcon(Material2MZ.VISIBILITY));
                    reveal.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "reveal-value");
                    reveal.setTooltip(new Tooltip("Show or hide the value"));
                    text.textProperty()
                            .bind(Bindings.createStringBinding(
                                    () -> row.shown(reveal.isSelected()), reveal.selectedProperty()));
                    box.getChildren().add(reveal);
                }
                Button copy = new Button("", new FontIcon(Material2AL.CONTENT_COPY));
                copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "copy-value");
                copy.setTooltip(new Tooltip("Copy the value"));
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(row.value());
                    Clipboard.getSystemClipboard().setContent(content);
                });
                box.getChildren().add(copy);
                if (row.isUrl()) {
                    Button open = new Button("", new FontIcon(Material2AL.LAUNCH));
                    open.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "open-url");
                    open.setTooltip(new Tooltip("Open in the browser"));
                    open.setOnAction(e -> openUrl.accept(row.value()));
                    box.getChildren().add(open);
                }
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        table.getColumns().setAll(List.of(key, value));
        return table;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusFilter() {
        filter.requestFocus();
    }

    public void openRequest() {
        RequestViewModel request = newRequest.get();
        new RequestDialog(request, knownReleases.get(), "Request a service")
                .ask(root)
                .ifPresent(model::request);
    }

    private void openEdit() {
        ServiceRow row = model.list().selectedProperty().get();
        if (row == null) {
            return;
        }
        RequestViewModel request = newRequest.get();
        request.prefill(
                row.title(),
                row.releaseProperty().get(),
                row.softwareTypeProperty().get(),
                row.tree().shared(),
                model.parameters().stream()
                        .collect(Collectors.toMap(KeyValue::key, KeyValue::value, (a, b) -> a, LinkedHashMap::new)),
                model.selectedDetail()
                        .flatMap(detail -> detail.instances().stream().findFirst())
                        .flatMap(SoftwareInstance::computeNodeReference));
        new RequestDialog(request, knownReleases.get(), "Change the parameters of " + row.title())
                .ask(root)
                .ifPresent(model::request);
    }

    private void changeState(RequestedState state) {
        ServiceRow row = model.list().selectedProperty().get();
        ServiceAction action =
                switch (state) {
                    case STARTED -> ServiceAction.START;
                    case STOPPED -> ServiceAction.STOP;
                    case DESTROYED -> ServiceAction.DESTROY;
                };
        if (row == null || !model.offers(action).get()) {
            return;
        }
        String verb = StateVerbs.verb(state);
        String consequence =
                switch (state) {
                    case STARTED -> "Its processes will be started on their servers.";
                    case STOPPED -> "Its processes will be stopped; its data stays.";
                    case DESTROYED ->
                        "Every instance of it is destroyed and its partitions are wiped. This cannot be undone.";
                };
        if (Dialogs.confirm(
                root, verb + " " + row.title(), verb + " the service '" + row.title() + "'? " + consequence, verb)) {
            model.changeState(row.title(), state);
        }
    }
}
