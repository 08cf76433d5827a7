package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.Snapshot;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.wall.WallView;
import org.slapdesk.master.LocalMaster;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Wall mode on a real local master over loopback: F11, the stale warning when the master stops, the sizes. */
@ExtendWith(ApplicationExtension.class)
class WallWindowTest {

    @TempDir
    Path folder;

    private LocalMaster server;
    private AppContext context;
    private MainWindow window;
    private Stage stage;
    private WindowDriver driver;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server = LocalMaster.start(
                folder.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        URI url = server.url();
        NodeFormat.post(url.toString(), NodeFormat.withPartitions("COMP-0", 2));
        MasterProfile lab = MasterProfile.plain("lab", url.toString()).withColour("#8250df");
        MasterProfile sameMasterAgain =
                MasterProfile.plain("lab-2", url.toString()).withColour("#bf3989");
        context = new AppContext(
                List.of(lab, sameMasterAgain),
                profile -> SlapMaster.open(
                        profile.withRestUrl(url.resolve("hateoas/")),
                        ClientOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))),
                ActivityStore.NONE);
        window = new MainWindow(context, null);
        window.show(stage, WindowOptions.parse(List.of("--view", "dashboard")));
        context.start("lab");
        driver = new WindowDriver(new FxRobot(), stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        server.close();
    }

    private void settle() throws Exception {
        driver.waitFor(
                "the fleet is read",
                20,
                () -> context.settled()
                        && context.dashboard().figuresProperty().get().servers().total() == 1);
    }

    @Test
    void f11TogglesTheWall(FxRobot robot) throws Exception {
        settle();
        assertThat(stage.getScene().getRoot().getId()).isEqualTo("shell");
        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getId()).isEqualTo("wall");
        assertThat(context.wall().activeProperty().get()).isTrue();
        assertThat(robot.lookup("#wall-profile").queryAs(Label.class).getText()).isEqualTo("lab");
        assertThat(robot.lookup("#wall-server-grey").queryAs(Label.class).getText())
                .as("COMP-0 is formatted but has not reported yet")
                .isEqualTo("1");
        assertThat(robot.lookup("#wall-last-refresh").queryAs(Label.class).getText())
                .startsWith("last complete refresh ");
        assertThat(robot.lookup("#wall-stale").query().isVisible()).isFalse();
        driver.snapshot("wall-window");
        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getId()).isEqualTo("shell");
        assertThat(context.wall().activeProperty().get()).isFalse();
    }

    @Test
    void aStaleWarningAppearsWhenTheMasterStopsAnswering(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.wall().enter());
        assertThat(robot.lookup("#wall-stale").query().isVisible()).isFalse();
        server.close();
        robot.interact(context::refreshAll);
        driver.waitFor("the stale warning", 20, () -> robot.lookup("#wall-stale")
                .query()
                .isVisible());
        assertThat(robot.lookup("#wall-stale").queryAs(Label.class).getText())
                .startsWith("⚠ The master does not answer");
        assertThat(robot.lookup("#wall-last-refresh").queryAs(Label.class).getText())
                .as("the last good read is still named")
                .startsWith("last complete refresh ");
        driver.snapshot("wall-stale");
    }

    @Test
    void theWallCyclesThroughTheChosenProfiles(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> {
            context.wall().cycle().setAll("lab", "lab-2", "no-such-profile");
            window.wall().enter();
            context.wall().advance();
        });
        assertThat(context.profiles().selectedProperty().get().name()).isEqualTo("lab-2");
        driver.waitFor(
                "lab-2 is read",
                20,
                () -> context.settled()
                        && context.dashboard().figuresProperty().get().servers().total() == 1);
        assertThat(robot.lookup("#wall-profile").queryAs(Label.class).getText()).isEqualTo("lab-2");
        robot.interact(() -> context.wall().advance());
        assertThat(context.profiles().selectedProperty().get().name()).isEqualTo("lab");
    }

    @Test
    void theWallScalesFrom720pTo4kInBothThemes(FxRobot robot) throws Exception {
        settle();
        double small = render(1280, 720, false);
        render(1280, 720, true);
        double large = render(3840, 2160, false);
        render(3840, 2160, true);
        assertThat(large).as("type grows with the wall").isGreaterThanOrEqualTo(small * 2.5);
        robot.interact(() -> context.settings().darkProperty().set(false));
    }

    /** Renders a wall of this size to target/screens and returns the size of its counts' type. */
    private double render(int width, int height, boolean dark) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    context.settings().darkProperty().set(dark);
                    WallView view = new WallView(context.wall());
                    Scene scene = new Scene(view.node(), width, height);
                    scene.getStylesheets()
                            .add(Objects.requireNonNull(MainWindow.class.getResource("slapdesk.css"))
                                    .toExternalForm());
                    Path file = Path.of(
                            "target", "screens", "wall-" + width + "x" + height + (dark ? "-dark" : "") + ".png");
                    Snapshot.write(scene, file);
                    assertThat(file).exists();
                    Label count = (Label) view.node().lookup("#wall-server-green");
                    return count.getFont().getSize();
                })
                .get(30, TimeUnit.SECONDS);
    }
}
