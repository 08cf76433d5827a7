package org.slapdesk.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small steps the end-to-end window tests share: find, fill, click, wait, snapshot. */
public final class WindowDriver {

    private final FxRobot robot;
    private final Stage stage;

    public WindowDriver(FxRobot robot, Stage stage) {
        this.robot = robot;
        this.stage = stage;
    }

    public void click(String query) {
        Node node = robot.lookup(query).query();
        assertThat(node.isDisabled()).as(query + " is enabled").isFalse();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts text in a field as a paste would (typing key by key is slow under Monocle). */
    public void fill(String query, String text) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            if (node instanceof ComboBox<?> combo) {
                combo.getEditor().setText(text);
                combo.getEditor().commitValue();
            } else {
                ((TextInputControl) node).setText(text);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    public <T> TableView<T> table(String query) {
        return robot.lookup(query).queryTableView();
    }

    public void selectRow(String tableQuery, Predicate<Object> which) {
        TableView<Object> table = table(tableQuery);
        // as a plain click does: this row only, also in tables that allow several
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (which.test(table.getItems().get(i))) {
                    table.getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screens", name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
                    Snapshot.write(stage.getScene(), file);
                    return null;
                })
                .get(20, TimeUnit.SECONDS);
    }

    /** A snapshot of the focused dialog window rather than the main one. */
    public void snapshotWindowOf(String query, String name) throws Exception {
        Node node = robot.lookup(query).query();
        Path file = Path.of("target", "screens", name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
                    Snapshot.write(node.getScene(), file);
                    return null;
                })
                .get(20, TimeUnit.SECONDS);
    }
}
