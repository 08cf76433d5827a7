package org.slapdesk.gui.profile;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.util.Dialogs;

/** The add / edit profile dialog; everything it checks lives in {@link ProfileEditorViewModel}. */
public final class ProfileDialog {

    private final ProfileEditorViewModel model;
    private final String heading;

    public ProfileDialog(ProfileEditorViewModel model, String heading) {
        this.model = model;
        this.heading = heading;
    }

    public Optional<MasterProfile> ask(Node owner) {
        Dialog<MasterProfile> dialog = new Dialog<>();
        dialog.setTitle("Profile");
        dialog.setHeaderText(heading);
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setId("profile-dialog");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        row = field(
                grid,
                row,
                "Name",
                text("profile-name", model.nameProperty(), "e.g. production"),
                model.nameErrorProperty());
        row = field(
                grid,
                row,
                "Master URL",
                text("profile-url", model.masterUrlProperty(), "https://slap.vifib.com/"),
                model.urlErrorProperty());
        row = field(
                grid,
                row,
                "REST URL",
                text("profile-rest-url", model.restUrlProperty(), "optional: where the master's HATEOAS API is"),
                model.restUrlErrorProperty());
        row = field(
                grid,
                row,
                "API URL",
                text(
                        "profile-api-url",
                        model.apiUrlProperty(),
                        "optional: where the JSON-RPC API is, if not at the master URL"),
                model.apiUrlErrorProperty());
        row = field(
                grid,
                row,
                "Certificate",
                picker("profile-certificate", model.certificateProperty(), "PEM certificate"),
                null);
        row = field(
                grid,
                row,
                "Key",
                picker("profile-key", model.keyProperty(), "PEM private key"),
                model.certificateErrorProperty());
        row = field(
                grid,
                row,
                "Trusted CA",
                picker("profile-ca", model.caProperty(), "optional: pin the master's CA"),
                model.caErrorProperty());
        ColorPicker colour = new ColorPicker(Color.web(model.colourProperty().get()));
        colour.setId("profile-colour");
        colour.valueProperty()
                .addListener((o, was, now) -> model.colourProperty().set(web(now)));
        row = field(grid, row, "Colour", colour, null);
        CheckBox alerts = new CheckBox("Alert when something turns red (notification and desktop)");
        alerts.setId("profile-alerts");
        alerts.selectedProperty().bindBidirectional(model.alertsProperty());
        row = field(grid, row, "Alerts", alerts, null);
        Label note = new Label();
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(model.noteProperty());
        note.setWrapText(true);
        grid.add(note, 1, row);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(680);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("profile-save");
        saveButton.disableProperty().bind(model.validBinding().not());
        Dialogs.refitWhenChanged(
                dialog,
                model.nameErrorProperty(),
                model.urlErrorProperty(),
                model.restUrlErrorProperty(),
                model.apiUrlErrorProperty(),
                model.certificateErrorProperty(),
                model.caErrorProperty(),
                model.noteProperty());
        dialog.setResultConverter(button -> button == save ? model.toProfile() : null);
        return dialog.showAndWait();
    }

    private static int field(GridPane grid, int row, String label, Node input, StringProperty error) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(name, 0, row);
        grid.add(input, 1, row);
        GridPane.setHgrow(input, Priority.ALWAYS);
        if (error != null) {
            Label message = new Label();
            message.getStyleClass().addAll(Styles.DANGER, "field-error");
            message.setWrapText(true);
            // without it the grid row keeps one line's height and a long reason ends in "..."
            message.setMinHeight(Region.USE_PREF_SIZE);
            message.textProperty().bind(error);
            message.visibleProperty().bind(error.isNotEmpty());
            message.managedProperty().bind(message.visibleProperty());
            grid.add(message, 1, row + 1);
            return row + 2;
        }
        return row + 1;
    }

    private static TextField text(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Node picker(String id, StringProperty value, String prompt) {
        TextField path = text(id, value, prompt);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(prompt);
            if (!value.get().isBlank()) {
                File current = new File(value.get()).getParentFile();
                if (current != null && current.isDirectory()) {
                    chooser.setInitialDirectory(current);
                }
            }
            File picked = chooser.showOpenDialog(choose.getScene().getWindow());
            if (picked != null) {
                value.set(picked.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, path, choose);
        HBox.setHgrow(path, Priority.ALWAYS);
        return box;
    }

    private static String web(Color colour) {
        return String.format(
                "#%02x%02x%02x",
                Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }
}
