package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.nodes.action.ActionSpec;
import org.slapdesk.gui.nodes.action.WizardState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An extra disk (a loop device on the test host) added and then removed through the window's
 * wizard: after the removal the disk is unmounted and gone from the host's fstab and slapos.cfg.
 */
@ExtendWith(ApplicationExtension.class)
class NodesStorageWindowTest {

    private static final String CONFIG = "/etc/opt/slapos/slapos.cfg";

    private static Path folder;
    private static NodeTestHost lab;
    private AppStore store;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void startHost() throws Exception {
        folder = Files.createTempDirectory("slapdesk-nodes-storage");
        lab = new NodeTestHost(folder);
        lab.slaposConfig(2);
        Files.writeString(lab.knownHosts, lab.host.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stopHost() {
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = AppStore.open(folder.resolve("slapdesk.db"));
        store.knownNodes().save(lab.record());
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> new FakeMaster(),
                ActivityStore.NONE,
                NodeInventory.stored(store.knownNodes()),
                lab.environment());
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "nodes")));
        context.nodes().listShareProperty().set(0.3);
        context.start(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void anExtraDiskAddedThenRemovedFromTheWizardLeavesNoMountNorFstabLine(FxRobot robot) throws Exception {
        String disk = lab.host.newLoopDevice(16);
        lab.host.sh("mkfs.ext2 -q -F " + disk);
        String fstabBefore = lab.host.sh("cat /etc/fstab 2>/dev/null || true");
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the node is selected",
                20,
                () -> context.nodes().list().selectedProperty().get() != null);
        driver.click("#node-connect");
        driver.waitFor(
                "connected",
                30,
                () -> context.nodes().list().rows().get(0).linkProperty().get() == NodeRow.Link.CONNECTED);
        TabPane tabs = robot.lookup("#node-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));

        choose(robot, "storage");
        driver.fill("#field-devices", disk);
        robot.interact(
                () -> robot.lookup("#field-format").queryAs(CheckBox.class).setSelected(false));
        previewAndApply(driver);
        assertThat(lab.host.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(disk);
        assertThat(lab.host.sh("cat /etc/fstab")).contains(" /data/data1 ");

        choose(robot, "remove-disk");
        driver.fill("#field-folder", "/data/data1");
        previewAndApply(driver);
        assertThat(robot.lookup("#action-result").queryLabeled().getText())
                .startsWith("Applied and verified: Remove the extra disk /data/data1 from /data");
        driver.snapshot("nodes-remove-disk");
        assertThat(lab.host.exec("findmnt", "/data/data1").exitCode()).isNotZero();
        assertThat(lab.host.sh("cat /etc/fstab 2>/dev/null || true"))
                .doesNotContain("/data/data1")
                .isEqualTo(fstabBefore);
        assertThat(lab.host.sh("cat " + CONFIG)).doesNotContain("instance_storage_home");
    }

    private void previewAndApply(WindowDriver driver) throws Exception {
        driver.click("#action-preview");
        driver.waitFor(
                "the plan", 30, () -> context.nodes().wizard().stateProperty().get() == WizardState.PREVIEW);
        driver.click("#action-apply");
        driver.waitFor(
                "applied",
                60,
                () -> context.nodes().wizard().stateProperty().get() == WizardState.SUCCEEDED
                        || context.nodes().wizard().stateProperty().get() == WizardState.FAILED);
        assertThat(context.nodes().wizard().stateProperty().get())
                .as(context.nodes().wizard().resultProperty().get())
                .isEqualTo(WizardState.SUCCEEDED);
    }

    private static void choose(FxRobot robot, String id) {
        @SuppressWarnings("unchecked")
        ComboBox<ActionSpec> choice = robot.lookup("#action-choice").queryAs(ComboBox.class);
        robot.interact(() -> choice.setValue(choice.getItems().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
