package org.slapdesk.gui.util;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Confirmations and detail windows, always owned by the main window. */
public final class Dialogs {

    private static final double MESSAGE_WIDTH = 600;

    private Dialogs() {}

    /**
     * Sizes the dialog's window to its content again whenever one of {@code changes} changes: a
     * window keeps the size it opened with, so reasons appearing under fields would push the
     * buttons out of it. Applied after the next layout, when the new lines have their height.
     */
    public static void refitWhenChanged(Dialog<?> dialog, Observable... changes) {
        InvalidationListener refit = changed -> Platform.runLater(() -> {
            Scene scene = dialog.getDialogPane().getScene();
            Window window = scene == null ? null : scene.getWindow();
            if (window != null && window.isShowing()) {
                window.sizeToScene();
            }
        });
        for (Observable change : changes) {
            change.addListener(refit);
        }
    }

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

    /** A text to read or copy (a token, a command), in a window sized to it and centred on the owner. */
    public static void details(Node owner, String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        List<String> lines = text.lines().toList();
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        area.setPrefRowCount(Math.max(2, Math.min(lines.size() + 1, 20)));
        area.setPrefColumnCount(Math.max(30, Math.min(longest + 2, 100)));
        alert.getDialogPane().setContent(area);
        owner(owner).ifPresent(alert::initOwner);
        DialogPlacement.fitAndCentre(alert);
        alert.show();
    }

    /**
     * What went wrong, in words: the causes one line each, outermost first, and the stack trace
     * behind a closed expander for whoever reports the problem.
     */
    public static Alert error(Node owner, String title, String header, List<String> causes, String trace) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId("error-details");
        VBox content = new VBox(6);
        for (int i = 0; i < causes.size(); i++) {
            Label line = new Label(i == 0 ? causes.get(i) : "because: " + causes.get(i));
            line.setWrapText(true);
            line.setMaxWidth(MESSAGE_WIDTH);
            line.getStyleClass().add("error-cause");
            content.getChildren().add(line);
        }
        if (trace != null && !trace.isBlank()) {
            TextArea area = new TextArea(trace);
            area.setEditable(false);
            area.setPrefRowCount(14);
            area.getStyleClass().add("monospace");
            TitledPane technical = new TitledPane("Technical details (stack trace)", area);
            technical.setId("error-trace");
            technical.setExpanded(false);
            technical.setAnimated(false);
            technical.expandedProperty().addListener((o, was, now) -> DialogPlacement.place(alert));
            content.getChildren().add(technical);
        }
        content.setPrefWidth(MESSAGE_WIDTH);
        alert.getDialogPane().setContent(content);
        owner(owner).ifPresent(alert::initOwner);
        DialogPlacement.fitAndCentre(alert);
        alert.show();
        return alert;
    }

    public static Optional<Window> owner(Node node) {
        return Optional.ofNullable(node).map(Node::getScene).map(Scene::getWindow);
    }
}
