package org.slapdesk.gui;

import java.io.IOException;
import java.util.Objects;
import javafx.application.HostServices;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slapdesk.gui.settings.Density;
import org.slapdesk.gui.shell.ShellView;
import org.slapdesk.gui.util.Tables;
import org.slapdesk.gui.wall.WallMode;

/** Puts the shell in a stage with the theme, the stylesheet and the shortcuts; used by the app and by GUI tests. */
public final class MainWindow {

    private final AppContext context;
    private final ShellView shell;
    private WallMode wall;

    public MainWindow(AppContext context, HostServices hostServices) {
        this.context = context;
        this.shell = new ShellView(context, hostServices);
    }

    public ShellView shell() {
        return shell;
    }

    /** The wall mode of the shown window (null before {@link #show}). */
    public WallMode wall() {
        return wall;
    }

    /** Every table follows the root's density class (see {@link Tables#COMPACT}). */
    private void showDensity(Density density) {
        if (density == Density.COMPACT) {
            if (!shell.node().getStyleClass().contains(Tables.COMPACT)) {
                shell.node().getStyleClass().add(Tables.COMPACT);
            }
        } else {
            shell.node().getStyleClass().remove(Tables.COMPACT);
        }
    }

    public void show(Stage stage, WindowOptions options) {
        options.theme().ifPresent(dark -> context.settings().showDarkForThisRun(dark));
        SlapdeskApp.applyTheme(context.settings().darkProperty().get());
        context.settings().darkProperty().addListener((o, was, now) -> SlapdeskApp.applyTheme(now));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.node(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets()
                .add(Objects.requireNonNull(
                                MainWindow.class.getResource("slapdesk.css"), "slapdesk.css is missing from the jar")
                        .toExternalForm());
        showDensity(context.settings().densityProperty().get());
        context.settings().densityProperty().addListener((o, was, now) -> showDensity(now));
        shell.installShortcuts(scene);
        shell.show(options.view());
        stage.setTitle("Slapdesk");
        try (var icon = MainWindow.class.getResourceAsStream("slapdesk.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException e) {
            // a window without an icon still works
        }
        stage.setScene(scene);
        wall = new WallMode(context.wall(), stage, shell.node());
        wall.installShortcuts(scene);
        context.wall().cycle().setAll(options.profiles());
        stage.show();
        if (options.wall()) {
            wall.enter();
        }
    }
}
