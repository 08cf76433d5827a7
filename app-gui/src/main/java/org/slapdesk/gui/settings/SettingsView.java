package org.slapdesk.gui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.slapdesk.gui.page.PageView;

/** Settings: theme and refresh interval; what more it will hold is said on the page. */
public final class SettingsView implements PageView {

    private final VBox root = new VBox(14);

    public SettingsView(SettingsViewModel model, Node profiles) {
        root.getStyleClass().add("page");
        root.setId("settings-page");
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);

        ToggleSwitch dark = new ToggleSwitch("Dark theme (Ctrl+D)");
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        Spinner<Integer> refresh =
                new Spinner<>(0, 3600, model.refreshSecondsProperty().get(), 5);
        refresh.setId("refresh-seconds");
        refresh.setEditable(true);
        refresh.valueProperty()
                .addListener((o, was, now) -> model.refreshSecondsProperty().set(now));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Theme"), dark);
        grid.addRow(1, new Label("Refresh every (seconds, 0 = off)"), refresh);

        Label later = new Label("Still to come here: health thresholds and where the application keeps its data.");
        later.getStyleClass().add(Styles.TEXT_MUTED);
        later.setWrapText(true);
        later.setMaxWidth(720);
        root.getChildren().addAll(title, grid, profiles, later);
    }

    @Override
    public Node node() {
        return root;
    }
}
