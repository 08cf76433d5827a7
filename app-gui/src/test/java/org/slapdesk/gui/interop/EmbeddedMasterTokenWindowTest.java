package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.profile.EmbeddedMaster;
import org.slapdesk.gui.session.ConnectionState;
import org.slapdesk.testlab.Commands;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.SlaposVenv;
import org.slapdesk.testlab.TestRequirements;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Token button on a fresh embedded master, which has no CA: the window offers to create it,
 * creates it while the master runs, and shows the token with its {@code slapos node register}
 * line, which the real {@code slapos node register} (slapos.core from PyPI) then runs with.
 */
@ExtendWith(ApplicationExtension.class)
class EmbeddedMasterTokenWindowTest {

    @TempDir
    Path folder;

    private AppContext context;
    private Stage stage;
    private EmbeddedMaster embedded;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MasterProfile profile = MasterProfile.local();
        context = new AppContext(
                List.of(profile),
                chosen -> {
                    embedded = EmbeddedMaster.start(folder.resolve("data/local-master.sqlite"));
                    return embedded;
                },
                ActivityStore.NONE);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "servers")));
        context.start(profile.name());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutACaTheWindowOffersItThenGivesATokenARealNodeRegistersWith(FxRobot robot) throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        TestRequirements.require(TestRequirements.isRoot(), "root (slapos node register refuses to run without it)");
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the embedded master is connected",
                30,
                () -> context.session().stateProperty().get() == ConnectionState.CONNECTED);
        Path ca = folder.resolve("data/master-ca");
        assertThat(ca).doesNotExist();

        driver.click("#token");
        driver.waitFor("the offer to create the CA", 10, () -> robot.lookup("Create the CA")
                .tryQuery()
                .isPresent());
        DialogPane offer = dialogOf(robot.lookup("Create the CA").query());
        assertThat(offer.getContentText())
                .contains("no certificate authority")
                .contains("issue a certificate to every node that registers")
                .contains(ca.toString())
                .contains("readable by you only");
        driver.snapshotWindowOf("Create the CA", "embedded-master-ca-offer");
        robot.clickOn("Create the CA");

        driver.waitFor("the token with its register line", 30, () -> robot.lookup("#token-register-line")
                .tryQuery()
                .isPresent());
        String token = robot.lookup("#token-value").queryAs(TextField.class).getText();
        String line =
                robot.lookup("#token-register-line").queryAs(TextArea.class).getText();
        String url = embedded.url().endsWith("/") ? embedded.url() : embedded.url() + "/";
        assertThat(token).isNotBlank();
        assertThat(line)
                .isEqualTo("slapos node register NODE-NAME --token " + token + " --master-url " + url
                        + " --master-url-web " + url.substring(0, url.length() - 1)
                        + " --interface-name eth0 --partition-number 10");
        driver.snapshotWindowOf("#token-dialog", "embedded-master-token");
        robot.clickOn("#token-copy");
        assertThat(robot.lookup("#token-copy").queryAs(Button.class).getText()).isEqualTo("Copied");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.key"))))
                .isEqualTo("rw-------");

        // the line as a node's root would paste it, with the node's own name and interface
        List<String> command = new ArrayList<>(Arrays.asList(line.split(" ")));
        command.set(0, venv.slapos().toString());
        command.set(command.indexOf("NODE-NAME"), "window node");
        command.set(command.indexOf("eth0"), "lo");
        command.addAll(List.of("--cfg", folder.resolve("node/slapos/slapos.cfg").toString()));
        Files.createDirectories(folder.resolve("node"));
        ProcessResult register = Commands.run(Duration.ofMinutes(3), Map.of(), command);
        assertThat(register.exitCode()).as(register.describe()).isZero();
        assertThat(register.stdout() + register.stderr()).contains("Node has successfully been configured as COMP-1");
        assertThat(embedded.nodes()).extracting(ComputeNode::title).contains("window node");
    }

    private static DialogPane dialogOf(Node node) {
        Node at = node;
        while (!(at instanceof DialogPane)) {
            at = at.getParent();
        }
        return (DialogPane) at;
    }
}
