package org.slapdesk.gui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.util.Icons;

/** Settings: theme, density, refresh, health thresholds, where the data is kept, metrics; then the profiles. */
public final class SettingsView implements PageView {

    private static final int MAX_SECONDS = 7 * 24 * 3600;

    private final ScrollPane root;

    public SettingsView(SettingsViewModel model, Node profiles, Consumer<String> openUrl) {
        VBox page = new VBox(14);
        page.getStyleClass().add("page");
        page.setId("settings-page");
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);

        ToggleSwitch dark = new ToggleSwitch("Dark theme (Ctrl+D)");
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        ToggleSwitch compact = new ToggleSwitch("Compact tables (more rows on a screen)");
        compact.setId("compact-density");
        compact.setSelected(model.densityProperty().get() == Density.COMPACT);
        compact.selectedProperty()
                .addListener((o, was, now) -> model.densityProperty().set(now ? Density.COMPACT : Density.NORMAL));
        model.densityProperty().addListener((o, was, now) -> compact.setSelected(now == Density.COMPACT));

        Spinner<Integer> refresh = spinner("refresh-seconds", model.refreshSecondsProperty(), 0, 3600, 5);
        Spinner<Integer> yellow = spinner("yellow-after-seconds", model.warningSecondsProperty(), 1, MAX_SECONDS, 30);
        Spinner<Integer> red = spinner("red-after-seconds", model.errorSecondsProperty(), 1, MAX_SECONDS, 30);
        Label thresholdProblem = new Label();
        thresholdProblem.setId("threshold-problem");
        thresholdProblem.getStyleClass().add(Styles.DANGER);
        thresholdProblem.textProperty().bind(model.thresholdProblemProperty());
        // takes room only when there is a problem: an empty grid row left a band in the page
        thresholdProblem.visibleProperty().bind(thresholdProblem.textProperty().isNotEmpty());
        thresholdProblem.managedProperty().bind(thresholdProblem.visibleProperty());
        Label thresholdHint = muted("The master's own: yellow after 216 s (0.0025 day), red after 432 s (0.005 day).");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Theme"), dark);
        grid.addRow(1, new Label("Density"), compact);
        grid.addRow(2, new Label("Refresh every (seconds, 0 = off)"), refresh);
        grid.addRow(3, new Label("A server turns yellow after (seconds without contact)"), yellow);
        grid.addRow(4, new Label("… and red after (seconds without contact)"), red);
        grid.add(new VBox(4, thresholdHint, thresholdProblem), 1, 5);
        Spinner<Integer> retention = spinner("history-retention-days", model.retentionDaysProperty(), 1, 3650, 1);
        Spinner<Integer> wallCycle = spinner("wall-cycle-seconds", model.wallCycleSecondsProperty(), 5, 3600, 5);
        ToggleSwitch localAlerts = new ToggleSwitch("Alerts for the embedded local master");
        localAlerts.setId("local-alerts");
        localAlerts.selectedProperty().bindBidirectional(model.localAlertsProperty());
        grid.addRow(6, new Label("Keep the health history (days)"), retention);
        grid.addRow(7, new Label("Wall shows each profile for (seconds)"), wallCycle);
        grid.addRow(8, new Label("Local master"), localAlerts);
        grid.addRow(9, new Label("Data folder"), dataFolder(model, openUrl));
        grid.addRow(10, new Label("Prometheus"), metrics(model));

        page.getChildren().addAll(title, grid, profiles);
        root = new ScrollPane(page);
        root.setFitToWidth(true);
    }

    private static Spinner<Integer> spinner(String id, IntegerProperty value, int min, int max, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((o, was, now) -> value.set(now));
        value.addListener((o, was, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    private static Node metrics(SettingsViewModel model) {
        ToggleSwitch serve = new ToggleSwitch("Serve metrics for Prometheus");
        serve.setId("metrics-serve");
        serve.selectedProperty().bindBidirectional(model.metricsOnProperty());
        TextField listen = new TextField(model.metricsListenProperty().get());
        listen.setId("metrics-listen");
        listen.setPrefColumnCount(22);
        listen.setPromptText("127.0.0.1:9464");
        // applied on Enter or leaving the field, not at each keystroke (each one would move the server)
        listen.setOnAction(e -> model.metricsListenProperty().set(listen.getText()));
        listen.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.metricsListenProperty().set(listen.getText());
            }
        });
        model.metricsListenProperty().addListener((o, was, now) -> listen.setText(now));
        CheckBox anyHost = new CheckBox("Allow other hosts");
        anyHost.setId("metrics-any-host");
        anyHost.selectedProperty().bindBidirectional(model.metricsAnyHostProperty());
        Label state = muted("");
        state.setId("metrics-state");
        state.textProperty().bind(model.metricsStateProperty());
        Label hint = muted("The same series as \"slapdesk monitor\", for the profile in use, at /metrics."
                + " Other hosts cannot connect unless allowed: the metrics name every server and service.");
        HBox address = new HBox(8, new Label("Listen on"), listen, anyHost);
        address.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, serve, address, state, hint);
    }

    private static Node dataFolder(SettingsViewModel model, Consumer<String> openUrl) {
        if (model.dataFolder().isEmpty()) {
            return muted("Nothing is kept on disk this time: the application database could not be opened.");
        }
        Path folder = model.dataFolder().get();
        TextField path = new TextField(folder.toString());
        path.setId("data-folder");
        path.setEditable(false);
        path.setPrefColumnCount(40);
        Button copy = Icons.button("Copy", Material2AL.CONTENT_COPY, "Copy the folder's path");
        copy.setId("copy-data-folder");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(folder.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button open = Icons.button("Open", Material2AL.FOLDER_OPEN, "Open the folder in the file manager");
        open.setId("open-data-folder");
        open.setOnAction(e -> openUrl.accept(folder.toUri().toString()));
        return new HBox(8, path, copy, open);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        label.setMaxWidth(640);
        return label;
    }

    @Override
    public Node node() {
        return root;
    }
}
