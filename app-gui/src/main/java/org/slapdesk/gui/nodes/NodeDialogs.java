package org.slapdesk.gui.nodes;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.util.Dialogs;
import org.slapdesk.remote.ssh.HostKeyPrompt;

/** The Nodes page's dialogs: add / edit a node, trust an unknown host key, a key's passphrase. */
final class NodeDialogs implements NodePrompts {

    private final Node owner;

    NodeDialogs(Node owner) {
        this.owner = owner;
    }

    /** The node form in a dialog; true when the user pressed Save with a valid form. */
    boolean editNode(NodeForm form, String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        row(
                grid,
                0,
                "Name",
                field("node-name", form.nameProperty(), "optional, e.g. COMP-0 paris (else user@host:port)"));
        row(
                grid,
                1,
                "Group",
                field(
                        "node-tag",
                        form.tagProperty(),
                        "optional, one word, e.g. paris: select a group's nodes at once"));
        row(grid, 2, "Host", field("node-host", form.hostProperty(), "node1.example.org, 192.0.2.10 or fd00::2"));
        row(grid, 3, "Port", field("node-port", form.portProperty(), "22"));
        row(grid, 4, "User", field("node-user", form.userProperty(), "root (others run commands through sudo -n)"));
        row(
                grid,
                5,
                "Key file",
                field(
                        "node-key",
                        form.keyFileProperty(),
                        "empty: the ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa"));
        row(grid, 6, "Jump host", field("node-jump", form.jumpProperty(), "optional: [user@]host[:port]"));
        row(
                grid,
                7,
                "slapos command",
                field(
                        "node-slapos-command",
                        form.slaposCommandProperty(),
                        "slapos (from the node's PATH) or an absolute path, e.g. /opt/slapos/bin/slapos"));
        row(
                grid,
                8,
                "slapos.cfg",
                field("node-slapos-config", form.slaposConfigProperty(), "/etc/opt/slapos/slapos.cfg"));
        Label problem = new Label();
        problem.setId("node-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.textProperty().bind(form.problemProperty());
        grid.add(problem, 1, 9);
        dialog.getDialogPane().setContent(grid);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("node-save");
        saveButton.disableProperty().bind(form.validProperty().not());
        Platform.runLater(() -> grid.lookup("#node-name").requestFocus());
        return dialog.showAndWait().filter(save::equals).isPresent()
                && form.problemProperty().get().isEmpty();
    }

    /** The Import… dialog: true when the user pressed Add with nodes to add. */
    boolean importNodes(NodeImportModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Import nodes");
        dialog.setHeaderText("Import nodes from a hosts file (as slapdesk node --hosts-file reads it)"
                + " or from an ssh client configuration (~/.ssh/config)");
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ComboBox<NodeImportModel.Source> source =
                new ComboBox<>(FXCollections.observableArrayList(NodeImportModel.Source.values()));
        source.setId("import-source");
        source.valueProperty().bindBidirectional(model.sourceProperty());
        row(grid, 0, "From", source);
        TextField file = field("import-file", model.fileProperty(), "");
        file.promptTextProperty()
                .bind(Bindings.when(model.sourceProperty().isEqualTo(NodeImportModel.Source.SSH_CONFIG))
                        .then("empty: ~/.ssh/config")
                        .otherwise("e.g. ~/fleet/hosts"));
        Button choose = new Button("Choose…");
        choose.setId("import-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseFile(choose, model));
        HBox fileRow = new HBox(8, file, choose);
        HBox.setHgrow(file, Priority.ALWAYS);
        row(grid, 1, "File", fileRow);
        row(grid, 2, "User", field("import-user", model.userProperty(), "where a line or Host gives none"));
        row(grid, 3, "Key file", field("import-key", model.keyProperty(), "optional: empty for the ssh-agent"));
        ListView<KnownNodeRecord> preview = new ListView<>(model.toAdd());
        preview.setId("import-preview");
        preview.setPrefHeight(180);
        preview.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(KnownNodeRecord item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        row(grid, 4, "Would add", preview);
        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(520);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        grid.add(summary, 1, 5);
        dialog.getDialogPane().setContent(grid);
        Button addButton = (Button) dialog.getDialogPane().lookupButton(add);
        addButton.setId("import-add");
        addButton.disableProperty().bind(Bindings.isEmpty(model.toAdd()));
        return dialog.showAndWait().filter(add::equals).isPresent()
                && !model.toAdd().isEmpty();
    }

    private static String describe(KnownNodeRecord node) {
        String where = node.label() + node.jumpHost().map(j -> "  via " + j).orElse("");
        return node.name().isEmpty() || node.name().equals(node.label()) ? where : node.name() + "  " + where;
    }

    private static void chooseFile(Node near, NodeImportModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(
                model.sourceProperty().get() == NodeImportModel.Source.SSH_CONFIG
                        ? "An ssh client configuration"
                        : "A hosts file");
        File chosen = chooser.showOpenDialog(near.getScene().getWindow());
        if (chosen != null) {
            model.fileProperty().set(chosen.getPath());
        }
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(34);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static void row(GridPane grid, int row, String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, l, control);
    }

    @Override
    public boolean trustHostKey(HostKeyPrompt.UnknownHostKey key) {
        ButtonType trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
        ButtonType refuse = new ButtonType("Refuse", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", trust, refuse);
        alert.setTitle("Unknown host key");
        alert.setHeaderText("The host key of " + key.host() + " port " + key.port() + " is not known yet");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        row(grid, 0, "Host", copyable("hostkey-host", key.host() + " port " + key.port()));
        row(grid, 1, "Key type", copyable("hostkey-type", key.keyType()));
        row(grid, 2, "Fingerprint", copyable("hostkey-fingerprint", key.sha256Fingerprint()));
        Label how =
                new Label("Compare it with what this command prints on the node, or on a machine that reaches it by a"
                        + " path you trust. Trusting adds the key to known_hosts; a changed key is refused later.");
        how.setWrapText(true);
        how.setMaxWidth(560);
        grid.add(how, 0, 3, 2, 1);
        row(grid, 4, "Check with", copyable("hostkey-command", key.verifyCommand()));
        alert.getDialogPane().setContent(grid);
        Dialogs.owner(owner).ifPresent(alert::initOwner);
        Button trustButton = (Button) alert.getDialogPane().lookupButton(trust);
        trustButton.setId("hostkey-trust");
        trustButton.setDefaultButton(false);
        Button refuseButton = (Button) alert.getDialogPane().lookupButton(refuse);
        refuseButton.setId("hostkey-refuse");
        refuseButton.setDefaultButton(true);
        return alert.showAndWait().filter(trust::equals).isPresent();
    }

    private static TextField copyable(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(Math.max(20, Math.min(60, text.length() + 2)));
        field.getStyleClass().add("monospace");
        return field;
    }

    @Override
    public char[] passphrase(Path keyFile) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Key passphrase");
        dialog.setHeaderText("The key " + keyFile + " is encrypted");
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        ButtonType unlock = new ButtonType("Unlock", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(unlock, ButtonType.CANCEL);
        PasswordField field = new PasswordField();
        field.setId("passphrase");
        field.setPromptText("passphrase (used for this connection only, never stored)");
        field.setPrefColumnCount(30);
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().lookupButton(unlock).setId("passphrase-unlock");
        Platform.runLater(field::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        char[] passphrase =
                answer.filter(unlock::equals).isPresent() ? field.getText().toCharArray() : null;
        field.clear();
        return passphrase;
    }
}
