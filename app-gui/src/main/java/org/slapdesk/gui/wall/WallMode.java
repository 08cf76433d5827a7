package org.slapdesk.gui.wall;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Switches a window between its normal content and the wall (F11; Escape leaves the wall), full
 * screen while on the wall. A timer re-reads the staleness every second and moves to the next
 * profile of the cycle every {@link WallViewModel#cycleSecondsProperty} seconds.
 */
public final class WallMode {

    private final WallViewModel model;
    private final WallView view;
    private final Stage stage;
    private final Parent normal;
    private final Timeline ticks = new Timeline();
    private int secondsOnThisProfile;

    public WallMode(WallViewModel model, Stage stage, Parent normal) {
        this.model = model;
        this.view = new WallView(model);
        this.stage = stage;
        this.normal = normal;
        ticks.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> everySecond()));
        ticks.setCycleCount(Animation.INDEFINITE);
    }

    public WallView view() {
        return view;
    }

    /** F11 toggles the wall; Escape leaves it (full screen also ends on Escape by itself). */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), this::toggle);
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && model.activeProperty().get()) {
                leave();
            }
        });
    }

    public void toggle() {
        if (model.activeProperty().get()) {
            leave();
        } else {
            enter();
        }
    }

    public void enter() {
        if (model.activeProperty().get()) {
            return;
        }
        model.activeProperty().set(true);
        stage.getScene().setRoot(view.node());
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        secondsOnThisProfile = 0;
        model.tick();
        ticks.play();
    }

    public void leave() {
        if (!model.activeProperty().get()) {
            return;
        }
        model.activeProperty().set(false);
        ticks.stop();
        stage.getScene().setRoot(normal);
        if (stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
    }

    private void everySecond() {
        model.tick();
        if (++secondsOnThisProfile >= Math.max(5, model.cycleSecondsProperty().get())) {
            secondsOnThisProfile = 0;
            model.advance();
        }
    }
}
