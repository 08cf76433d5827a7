package org.slapdesk.gui.servers;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.slapdesk.gui.util.Dialogs;

/** Asks which release to supply: a known one (aliases, releases already seen) or any URL typed in. */
final class SupplyDialog {

    private final List<ReleaseChoice> choices;
    private final String node;

    SupplyDialog(List<ReleaseChoice> choices, String node) {
        this.choices = choices;
        this.node = node;
    }

    Optional<String> ask(Node owner) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Supply software");
        dialog.setHeaderText("Install a software release on " + node);
        Dialogs.owner(owner).ifPresent(dialog::initOwner);
        ButtonType supply = new ButtonType("Supply", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(supply, ButtonType.CANCEL);

        ComboBox<String> release = new ComboBox<>();
        release.setId("supply-release");
        release.setEditable(true);
        release.setPrefWidth(560);
        release.setPromptText("choose, or type a software release URL (…/software.cfg)");
        choices.forEach(choice -> release.getItems().add(choice.url()));
        Label hint = new Label(
                choices.isEmpty()
                        ? "No known release yet: type the URL of a software.cfg."
                        : choices.size()
                                + " known release(s): profile aliases, releases on other servers and in services.");
        hint.getStyleClass().add("text-muted");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        Label releaseLabel = new Label("Release");
        releaseLabel.setMinWidth(Region.USE_PREF_SIZE);
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        grid.addRow(0, releaseLabel, release);
        grid.add(hint, 1, 1);
        dialog.getDialogPane().setContent(grid);
        Node supplyButton = dialog.getDialogPane().lookupButton(supply);
        supplyButton.disableProperty().bind(release.getEditor().textProperty().isEmpty());
        dialog.setResultConverter(
                button -> button == supply ? release.getEditor().getText().trim() : null);
        Platform.runLater(release::requestFocus);
        return dialog.showAndWait().filter(url -> !url.isBlank());
    }
}
