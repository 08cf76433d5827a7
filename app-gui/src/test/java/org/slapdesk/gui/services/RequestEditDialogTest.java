package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.WindowDriver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog that changes an existing service's parameters, laid out for real (headless). */
@ExtendWith(ApplicationExtension.class)
class RequestEditDialogTest {

    @TempDir
    Path dir;

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private final FakeMaster master = new FakeMaster();
    private RequestViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        model = new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()));
        model.prefill(
                "typed", TypedRelease.write(dir), "default", false, Map.of("port", "8080"), Optional.of("COMP-1"));
        Parent content = (Parent) new RequestDialog(model, List.of(), "Change").content();
        stage.setScene(new Scene(content, 820, 680));
        stage.show();
        model.loadSchema();
    }

    @AfterEach
    void closeMaster() {
        master.close();
    }

    @Test
    void theTitleIsReadOnlyTheServerIsShownAndDefaultsArePicked(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        new WindowDriver(robot, stage).snapshot("request-edit-dialog");

        TextField title = robot.lookup("#request-title").queryAs(TextField.class);
        assertThat(title.getText()).isEqualTo("typed");
        assertThat(title.isEditable()).isFalse();
        TextField server = robot.lookup("#request-server").queryAs(TextField.class);
        assertThat(server.getText()).isEqualTo("COMP-1");
        assertThat(server.isEditable()).isFalse();

        CheckBox enabled = robot.lookup("#field-enabled").queryAs(CheckBox.class);
        assertThat(enabled.isSelected()).as("default true").isTrue();
        assertThat(enabled.isIndeterminate()).isFalse();
        CheckBox verbose = robot.lookup("#field-verbose").queryAs(CheckBox.class);
        assertThat(verbose.isIndeterminate()).as("no default: not set").isTrue();
        assertThat(robot.lookup("#field-level").queryAs(ComboBox.class).getValue())
                .isEqualTo("2");
        assertThat(robot.lookup("#field-port").queryAs(TextField.class).getText())
                .isEqualTo("8080");

        robot.clickOn(verbose);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.field("verbose").orElseThrow().valueProperty().get()).isEqualTo("true");
        robot.clickOn(enabled);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.field("enabled").orElseThrow().valueProperty().get()).isEqualTo("false");
    }
}
