package org.slapdesk.gui.util;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Confirmations and detail windows, always owned by the main window. */
public final class Dialogs {

    private Dialogs() {}

    /** Asks before something that cannot be undone; the default button is Cancel. */
    public static boolean confirm(Node owner, String title, String text, String confirmLabel) {
        ButtonType confirmButton = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, confirmButton, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        owner(owner).ifPresent(alert::initOwner);
        ((Button) alert.getDialogPane().lookupButton(confirmButton)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(confirmButton::equals).isPresent();
    }

    public static void details(Node owner, String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(720, 360);
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        owner(owner).ifPresent(alert::initOwner);
        alert.show();
    }

    public static Optional<Window> owner(Node node) {
        return Optional.ofNullable(node).map(Node::getScene).map(Scene::getWindow);
    }
}
