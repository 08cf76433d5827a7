package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** The generated form laid out for real (headless): what appears while the user types. */
@ExtendWith(ApplicationExtension.class)
class RequestFormLayoutTest {

    @TempDir
    Path dir;

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private final FakeMaster master = new FakeMaster();
    private RequestViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        model = new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()));
        model.releaseProperty().set(TypedRelease.write(dir));
        model.titleProperty().set("typed");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        Parent content = (Parent) new RequestDialog(model, List.of(), "Request a service").content();
        stage.setScene(new Scene(content, 820, 680));
        stage.show();
        model.loadSchema();
    }

    @AfterEach
    void closeMaster() {
        master.close();
    }

    @Test
    void theFieldsBelowStayPutWhileAMessageComesAndGoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node next = robot.lookup("#field-ratio").query();
        double before = sceneY(next);

        robot.interact(() -> model.field("port").orElseThrow().valueProperty().set("eighty"));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#error-port").queryAs(Label.class);
        assertThat(message.getText()).contains("whole number");
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getHeight()).as("the message has room to show").isGreaterThan(8);
        assertThat(sceneY(next)).as("with the message").isEqualTo(before);
        new WindowDriver(robot, stage).snapshot("request-form-with-a-message");

        robot.interact(() -> model.field("port").orElseThrow().valueProperty().set("8080"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEmpty();
        assertThat(sceneY(next)).as("after the message").isEqualTo(before);
    }

    private static double sceneY(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMinY();
    }
}
