package org.slapdesk.gui.servers;

import atlantafx.base.theme.Styles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.slapdesk.gui.util.Dialogs;

/**
 * The Token button's dialogs: on the embedded master without a CA, the offer to create one
 * (saying what it means); then the token with the {@code slapos node register} line to paste on
 * the node, and a Copy button.
 */
final class TokenDialog {

    private final NodeTokenModel model;
    private final Node owner;

    TokenDialog(NodeTokenModel model, Node owner) {
        this.model = model;
        this.owner = owner;
    }

    void open() {
        Optional<Path> missing = model.missingAuthority();
        if (missing.isEmpty()) {
            model.requestToken(this::show);
        } else if (Dialogs.confirm(
                owner, "Create a certificate authority", authorityOffer(missing.get()), "Create the CA")) {
            model.createAuthorityAndRequestToken(this::show);
        }
    }

    private static String authorityOffer(Path folder) {
        return "The embedded master has no certificate authority (CA) yet, so it cannot give node registration"
                + " tokens.\n\nCreate one now? The master will then issue a certificate to every node that"
                + " registers with one of its tokens, and trust that certificate.\n\nThe CA's key is stored in "
                + folder + ", readable by you only: whoever holds it can make certificates this master trusts."
                + " 'slapdesk serve' uses the same CA.";
    }

    private void show(NodeToken answer) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Node registration token");
        dialog.setResizable(true);
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        dialog.getDialogPane().setId("token-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Optional<String> line = answer.registerLine();
        if (line.isEmpty()) {
            dialog.setHeaderText("This master gives no registration token");
            dialog.getDialogPane()
                    .setContent(new Label("Register nodes with a certificate from this master's operator instead."));
        } else {
            dialog.setHeaderText("Give this single-use token to the node");
            dialog.getDialogPane().setContent(tokenContent(answer.token().orElseThrow(), line.get(), answer));
            dialog.getDialogPane().setMinWidth(780);
        }
        dialog.show();
    }

    private static Node tokenContent(String token, String line, NodeToken answer) {
        TextField tokenText = new TextField(token);
        tokenText.setId("token-value");
        tokenText.setEditable(false);
        tokenText.getStyleClass().add("monospace");
        TextArea command = new TextArea(line);
        command.setId("token-register-line");
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(4);
        command.getStyleClass().add("monospace");
        Button copy = new Button("Copy", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("token-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(line);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        HBox commandRow = new HBox(8, command, copy);
        HBox.setHgrow(command, Priority.ALWAYS);
        Label how = new Label(
                "On the node, as root, with the node's name for NODE-NAME and its network interface for" + " eth0:");
        how.setWrapText(true);
        Label then = new Label("then, still on the node: slapos node format --now --alter_user=True");
        then.setWrapText(true);
        VBox content = new VBox(8, new Label("Token"), tokenText, how, commandRow, then);
        if (onThisComputerOnly(answer.masterUrl())) {
            Label reach = new Label("This master answers on this computer only (" + answer.masterUrl()
                    + "): a node elsewhere cannot reach it at that address.");
            reach.setWrapText(true);
            reach.getStyleClass().add(Styles.TEXT_MUTED);
            content.getChildren().add(reach);
        }
        return content;
    }

    private static boolean onThisComputerOnly(String masterUrl) {
        String host = URI.create(masterUrl).getHost();
        return host != null && (host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"));
    }
}
