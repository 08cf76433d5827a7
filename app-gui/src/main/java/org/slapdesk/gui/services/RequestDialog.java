package org.slapdesk.gui.services;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.slapdesk.core.master.SoftwareTypeEntry;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.gui.schema.FieldSpec;
import org.slapdesk.gui.schema.SchemaException;
import org.slapdesk.gui.servers.ReleaseChoice;
import org.slapdesk.gui.util.Dialogs;

/** The Request dialog's view; everything it shows lives in {@link RequestViewModel}. */
final class RequestDialog {

    private final RequestViewModel model;
    private final List<ReleaseChoice> releases;
    private final String heading;

    RequestDialog(RequestViewModel model, List<ReleaseChoice> releases, String heading) {
        this.model = model;
        this.releases = releases;
        this.heading = heading;
    }

    Optional<InstanceRequest> ask(Node owner) {
        Dialog<InstanceRequest> dialog = new Dialog<>();
        dialog.setTitle(model.editingProperty().get() ? "Change a service's parameters" : "Request a service");
        dialog.setHeaderText(heading);
        dialog.setResizable(true);
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        ButtonType requestType = new ButtonType("Request", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(requestType, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefSize(820, 680);
        dialog.getDialogPane().setId("request-dialog");
        Button requestButton = (Button) dialog.getDialogPane().lookupButton(requestType);
        requestButton.setId("request-submit");
        requestButton.disableProperty().bind(model.canRequestBinding().not());
        requestButton.addEventFilter(ActionEvent.ACTION, event -> {
            try {
                model.toRequest();
            } catch (SchemaException e) {
                model.problemProperty().set(e.getMessage());
                event.consume();
            }
        });
        if (!model.releaseProperty().get().isBlank()) {
            model.loadSchema();
        }
        dialog.setResultConverter(button -> {
            if (button != requestType) {
                return null;
            }
            try {
                return model.toRequest();
            } catch (SchemaException e) {
                return null;
            }
        });
        return dialog.showAndWait();
    }

    /** The dialog's content, without the dialog (tests lay it out in a stage of their own). */
    Node content() {
        ComboBox<String> release = new ComboBox<>();
        release.setId("request-release");
        release.setEditable(true);
        release.setMaxWidth(Double.MAX_VALUE);
        release.setPromptText("software release URL (…/software.cfg), file:// or https://");
        releases.forEach(choice -> release.getItems().add(choice.url()));
        release.getEditor().textProperty().bindBidirectional(model.releaseProperty());
        release.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(model.releaseProperty().get())) {
                model.releaseProperty().set(now);
            }
            model.loadSchema();
        });
        release.getEditor().focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.loadSchema();
            }
        });
        Button load = new Button("", new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        load.setId("load-schema");
        load.setTooltip(new Tooltip("Load the release's parameter schema (software.cfg.json)"));
        load.setOnAction(e -> model.reloadSchema());
        HBox releaseRow = new HBox(4, release, load);
        HBox.setHgrow(release, Priority.ALWAYS);

        ComboBox<SoftwareTypeEntry> typeChoice = new ComboBox<>(model.typeChoices());
        typeChoice.setId("request-type-choice");
        typeChoice.valueProperty().bindBidirectional(model.typeChoiceProperty());
        typeChoice.setMaxWidth(Double.MAX_VALUE);
        TextField typeText = new TextField();
        typeText.setId("request-type");
        typeText.textProperty().bindBidirectional(model.softwareTypeProperty());
        typeText.setPromptText("default");
        StackPane type = new StackPane(typeChoice, typeText);
        typeChoice.visibleProperty().bind(Bindings.isNotEmpty(model.typeChoices()));
        typeText.visibleProperty().bind(typeChoice.visibleProperty().not());

        TextField title = new TextField();
        title.setId("request-title");
        title.setPromptText("a name unique among your services");
        title.textProperty().bindBidirectional(model.titleProperty());
        if (model.editingProperty().get()) {
            title.setEditable(false);
            title.setTooltip(new Tooltip("The title names the service: another title would request a new service."));
        }
        Node server = model.editingProperty().get() ? fixedServer() : serverChoice();
        CheckBox shared = new CheckBox("Shared instance (slave)");
        shared.setId("request-shared");
        shared.selectedProperty().bindBidirectional(model.sharedProperty());
        shared.setDisable(model.editingProperty().get());

        GridPane top = new GridPane();
        top.setHgap(10);
        top.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        top.getColumnConstraints().addAll(labels, inputs);
        top.addRow(0, new Label("Release"), releaseRow);
        top.addRow(1, new Label("Software type"), type);
        top.addRow(2, new Label("Title"), title);
        top.addRow(3, new Label("Server"), server);
        top.add(shared, 1, 4);

        Label status = new Label();
        status.setId("schema-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.schemaStatusProperty());
        status.setWrapText(true);

        ToggleGroup modes = new ToggleGroup();
        ToggleButton form = modeButton("Form", RequestViewModel.Mode.FORM, modes, Styles.LEFT_PILL);
        form.setId("mode-form");
        form.disableProperty().bind(model.formAvailableProperty().not());
        ToggleButton xml = modeButton("XML", RequestViewModel.Mode.XML, modes, Styles.CENTER_PILL);
        xml.setId("mode-xml");
        ToggleButton json = modeButton("JSON", RequestViewModel.Mode.JSON, modes, Styles.RIGHT_PILL);
        json.setId("mode-json");
        selectMode(modes, model.modeProperty().get());
        model.modeProperty().addListener((o, was, now) -> selectMode(modes, now));
        Label parametersLabel = new Label("Parameters");
        parametersLabel.getStyleClass().add(Styles.TITLE_4);
        HBox modeRow = new HBox(8, parametersLabel, new atlantafx.base.controls.Spacer(), form, xml, json);
        modeRow.setAlignment(Pos.CENTER_LEFT);

        Message problem = new Message("", "", new FontIcon(Material2AL.ERROR_OUTLINE));
        problem.setId("request-problem");
        problem.getStyleClass().add(Styles.WARNING);
        problem.descriptionProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label general = new Label();
        general.setId("form-errors");
        general.getStyleClass().add(Styles.DANGER);
        general.setWrapText(true);
        general.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.join("\n", model.generalErrors()), model.generalErrors()));
        general.visibleProperty().bind(Bindings.isNotEmpty(model.generalErrors()));
        general.managedProperty().bind(general.visibleProperty());

        GridPane formGrid = new GridPane();
        formGrid.setId("parameter-form");
        formGrid.setHgap(10);
        formGrid.setVgap(4);
        formGrid.setPadding(new Insets(4));
        formGrid.getColumnConstraints().addAll(new ColumnConstraints(180), inputsColumn());
        buildForm(formGrid);
        model.fields().addListener((ListChangeListener<FieldModel>) change -> buildForm(formGrid));
        ScrollPane formScroll = new ScrollPane(formGrid);
        formScroll.setFitToWidth(true);
        TextArea raw = new TextArea();
        raw.setId("parameters-raw");
        raw.getStyleClass().add("monospace");
        raw.textProperty().bindBidirectional(model.rawTextProperty());
        raw.setPromptText("{ \"name\": \"value\" }  or  <instance><parameter id=\"name\">value</parameter></instance>");
        formScroll.visibleProperty().bind(model.modeProperty().isEqualTo(RequestViewModel.Mode.FORM));
        raw.visibleProperty().bind(formScroll.visibleProperty().not());
        StackPane parameters = new StackPane(formScroll, raw);
        VBox.setVgrow(parameters, Priority.ALWAYS);

        VBox content = new VBox(10, top, status, modeRow, problem, general, parameters);
        content.setPadding(new Insets(4));
        return content;
    }

    private Node serverChoice() {
        ComboBox<String> server = new ComboBox<>();
        server.setId("request-server");
        server.setEditable(true);
        showServers(server);
        model.serverChoices().addListener((ListChangeListener<ServerChoice>) change -> showServers(server));
        server.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String reference, boolean empty) {
                super.updateItem(reference, empty);
                setText(empty || reference == null ? null : label(reference));
            }
        });
        server.setPromptText("any server (or pin one: computer_guid)");
        server.setMaxWidth(Double.MAX_VALUE);
        server.getEditor().textProperty().bindBidirectional(model.computerGuidProperty());
        return server;
    }

    /** The pin list follows the release: servers it is supplied to first; what the user typed stays. */
    private void showServers(ComboBox<String> server) {
        String typed = model.computerGuidProperty().get();
        server.getItems()
                .setAll(model.serverChoices().stream()
                        .map(ServerChoice::reference)
                        .toList());
        model.computerGuidProperty().set(typed);
    }

    private String label(String reference) {
        return model.serverChoices().stream()
                .filter(choice -> choice.reference().equals(reference))
                .findFirst()
                .map(ServerChoice::label)
                .orElse(reference);
    }

    /** An existing service's server, shown and not changed: changing parameters does not move a service. */
    private Node fixedServer() {
        TextField server = new TextField(
                model.computerGuidProperty().get().isBlank()
                        ? "any server"
                        : model.computerGuidProperty().get());
        server.setId("request-server");
        server.setEditable(false);
        server.setTooltip(new Tooltip("The server the service runs on: changing parameters does not move it."));
        return server;
    }

    private static ColumnConstraints inputsColumn() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }

    private ToggleButton modeButton(String text, RequestViewModel.Mode mode, ToggleGroup group, String pill) {
        ToggleButton button = new ToggleButton(text);
        button.setToggleGroup(group);
        button.getStyleClass().add(pill);
        button.setUserData(mode);
        button.setOnAction(e -> {
            if (!model.switchTo(mode)) {
                selectMode(group, model.modeProperty().get());
            } else {
                button.setSelected(true);
            }
        });
        return button;
    }

    private static void selectMode(ToggleGroup group, RequestViewModel.Mode mode) {
        group.getToggles().forEach(t -> t.setSelected(t.getUserData() == mode));
    }

    private void buildForm(GridPane grid) {
        grid.getChildren().clear();
        int row = 0;
        for (FieldModel field : model.fields()) {
            FieldSpec spec = field.spec();
            Label label = new Label(spec.label() + (spec.required() ? " *" : ""));
            label.setWrapText(true);
            label.setPadding(new Insets(6, 0, 0, 0));
            GridPane.setValignment(label, VPos.TOP);
            if (!spec.description().isBlank()) {
                label.setTooltip(new Tooltip(spec.description()));
            }
            Node input = input(field);
            Label error = errorLine(field);
            Label description = new Label(spec.description());
            description.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            description.setWrapText(true);
            description.setManaged(!spec.description().isBlank());
            description.setVisible(!spec.description().isBlank());
            VBox cell = new VBox(2, input, description, error);
            grid.add(label, 0, row);
            grid.add(cell, 1, row);
            row++;
        }
        if (model.fields().isEmpty()) {
            grid.add(new Label("This software type takes no parameters."), 0, 0, 2, 1);
        }
    }

    /**
     * The field's message on a line of its own that is always there, one text line high, so the
     * fields below do not move as messages come and go; a longer message ends in "…" and shows
     * in full as the tooltip.
     */
    private static Label errorLine(FieldModel field) {
        Label error = new Label();
        error.setId("error-" + field.spec().name());
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        error.setStyle("-fx-min-height: 1.5em; -fx-pref-height: 1.5em; -fx-max-height: 1.5em;");
        error.setWrapText(false);
        error.textProperty().bind(field.errorProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(field.errorProperty());
        error.setTooltip(field.errorProperty().get().isEmpty() ? null : full);
        field.errorProperty().addListener((o, was, now) -> error.setTooltip(now.isEmpty() ? null : full));
        return error;
    }

    /**
     * A boolean as a check box on the field's text ("true" / "false"). With no default in the
     * schema a third state means "not set": the parameter is then left out of the request.
     */
    private static CheckBox checkBox(FieldModel field, String id) {
        CheckBox box = new CheckBox(
                field.spec().defaultValue().map(d -> "default: " + d).orElse(""));
        box.setId(id);
        box.setAllowIndeterminate(field.spec().defaultValue().isEmpty());
        Runnable show = () -> {
            String value = field.valueProperty().get() == null
                    ? ""
                    : field.valueProperty().get().trim();
            box.setIndeterminate(value.isEmpty());
            box.setSelected(value.equalsIgnoreCase("true"));
            box.setText(
                    value.isEmpty()
                            ? "not set: the software decides"
                            : field.spec()
                                    .defaultValue()
                                    .map(d -> "default: " + d)
                                    .orElse(""));
        };
        show.run();
        field.valueProperty().addListener((o, was, now) -> show.run());
        box.setOnAction(e -> field.valueProperty().set(box.isIndeterminate() ? "" : String.valueOf(box.isSelected())));
        return box;
    }

    private static Node input(FieldModel field) {
        FieldSpec spec = field.spec();
        String id = "field-" + spec.name();
        switch (spec.type()) {
            case BOOLEAN -> {
                return checkBox(field, id);
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                if (spec.defaultValue().isEmpty()) {
                    box.getItems().add("");
                }
                box.getItems().addAll(spec.choices());
                box.valueProperty().bindBidirectional(field.valueProperty());
                box.setPromptText(spec.defaultValue().map(d -> "default: " + d).orElse(""));
                box.setId(id);
                return box;
            }
            case JSON -> {
                TextArea area = new TextArea();
                area.setPrefRowCount(3);
                area.getStyleClass().add("monospace");
                area.textProperty().bindBidirectional(field.valueProperty());
                area.setPromptText(spec.defaultValue().map(d -> "default: " + d).orElse("JSON"));
                area.setId(id);
                return area;
            }
            default -> {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(field.valueProperty());
                text.setPromptText(spec.defaultValue().map(d -> "default: " + d).orElse(""));
                text.setId(id);
                return text;
            }
        }
    }
}
