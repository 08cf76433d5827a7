package org.slapdesk.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings page has no empty band: the line that says the thresholds are wrong takes room
 * only when they are.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsLayoutTest {

    /** The grid's gap between rows, and a little for rounding. */
    private static final double ROW_GAP = 10 + 2;

    private final SettingsViewModel model = new SettingsViewModel(SettingsStore.inMemory(), Optional.empty());

    @Start
    void start(Stage stage) {
        SettingsView view = new SettingsView(model, new Label("profiles"), url -> {});
        stage.setScene(new Scene((Parent) view.node(), 1200, 900));
        stage.show();
    }

    @Test
    void theThresholdHintIsFollowedByTheNextSettingWithoutAGap(FxRobot robot) {
        Node hint = robot.lookup(n -> n instanceof Label l && l.getText().startsWith("The master's own"))
                .query();
        Node retention = robot.lookup("#history-retention-days").query();
        assertThat(top(retention) - bottom(hint)).isLessThanOrEqualTo(ROW_GAP);

        robot.interact(() ->
                model.errorSecondsProperty().set(model.warningSecondsProperty().get() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        Node problem = robot.lookup("#threshold-problem").query();
        assertThat(problem.isVisible()).isTrue();
        assertThat(top(problem)).isGreaterThanOrEqualTo(bottom(hint));
        assertThat(top(retention)).isGreaterThanOrEqualTo(bottom(problem));
    }

    private static double top(Node node) {
        return scene(node).getMinY();
    }

    private static double bottom(Node node) {
        return scene(node).getMaxY();
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
