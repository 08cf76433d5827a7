package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Import… adds the nodes of a hosts file or of the user's ~/.ssh/config (a temporary home): it
 * shows what it would add, leaves known nodes alone and names what it does not import and why.
 */
@ExtendWith(ApplicationExtension.class)
class NodesImportWindowTest {

    private Path folder;
    private AppStore store;
    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        folder = Files.createTempDirectory("slapdesk-nodes-import");
        store = AppStore.open(folder.resolve("slapdesk.db"));
        store.knownNodes()
                .save(KnownNodeRecord.of("node1.example.org", 22, "root").withName("COMP-1"));
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> new FakeMaster(),
                ActivityStore.NONE,
                NodeInventory.stored(store.knownNodes()),
                new NodeEnvironment(
                        folder.resolve("known_hosts"),
                        folder,
                        ConnectOptions.defaults().withoutAgent()));
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "nodes")));
        context.start(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void theNodesOfAHostsFileAreShownThenAdded(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the known node is listed",
                20,
                () -> context.nodes().list().rows().size() == 1);
        Path hosts = folder.resolve("hosts");
        Files.writeString(
                hosts,
                "# the paris nodes\nnode1.example.org\nslapos@node2.example.org:2222\nroot@[fd00::5]:22\n"
                        + "-oProxyCommand=x\n");

        driver.click("#node-import");
        driver.fill("#import-file", hosts.toString());
        driver.fill("#import-key", "/root/.ssh/id_fleet");
        ListView<?> preview = robot.lookup("#import-preview").queryListView();
        assertThat(preview.getItems())
                .extracting(n -> ((KnownNodeRecord) n).label())
                .containsExactly("slapos@node2.example.org:2222", "root@[fd00::5]:22");
        assertThat(robot.lookup("#import-summary").queryAs(Label.class).getText())
                .startsWith("2 to add")
                .contains("already known, left as they are: root@node1.example.org:22")
                .contains("line 5: '-oProxyCommand=x' is not a host");
        driver.snapshotWindowOf("#import-preview", "nodes-import-dialog");
        driver.click("#import-add");

        driver.waitFor(
                "the two new nodes are kept",
                20,
                () -> store.knownNodes().list().size() == 3);
        driver.waitFor("and listed", 20, () -> context.nodes().list().rows().size() == 3);
        KnownNodeRecord added =
                store.knownNodes().find("node2.example.org", 2222, "slapos").orElseThrow();
        assertThat(added.keyPath()).contains(Path.of("/root/.ssh/id_fleet"));
        assertThat(store.knownNodes()
                        .find("node1.example.org", 22, "root")
                        .orElseThrow()
                        .name())
                .isEqualTo("COMP-1");
    }

    @Test
    void theHostsOfTheUsersSshConfigAreShownWithWhatIsNotImportedThenAdded(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the known node is listed",
                20,
                () -> context.nodes().list().rows().size() == 1);
        Files.createDirectories(folder.resolve(".ssh"));
        Files.writeString(
                folder.resolve(".ssh/config"),
                """
                # fleet
                Host paris-1
                    HostName 192.0.2.11
                    IdentityFile ~/.ssh/id_paris

                Host paris-2
                    HostName paris-2.example.org
                    Port 2222
                    User slapos
                    ProxyJump admin@bastion.example.org

                Host far
                    HostName 192.0.2.99
                    ProxyJump a.example.org,b.example.org

                Host node1.example.org
                    User root

                Match host *.internal
                    User ops

                Host *.example.org
                    ServerAliveInterval 30

                Host *
                    User admin
                """);

        driver.click("#node-import");
        @SuppressWarnings("unchecked")
        ComboBox<NodeImportModel.Source> source = robot.lookup("#import-source").queryAs(ComboBox.class);
        robot.interact(() -> source.setValue(NodeImportModel.Source.SSH_CONFIG));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> preview = robot.lookup("#import-preview").queryListView();
        assertThat(preview.getItems())
                .extracting(n -> ((KnownNodeRecord) n).label())
                .containsExactly("admin@192.0.2.11:22", "slapos@paris-2.example.org:2222");
        assertThat(robot.lookup("#import-summary").queryAs(Label.class).getText())
                .startsWith("2 to add")
                .contains("already known, left as they are: root@node1.example.org:22")
                .contains("Match host *.internal is skipped")
                .contains("Host far is not imported: ProxyJump a.example.org,b.example.org has several jump hosts");
        driver.snapshotWindowOf("#import-preview", "nodes-import-ssh-config");
        driver.click("#import-add");

        driver.waitFor(
                "the two new nodes are kept",
                20,
                () -> store.knownNodes().list().size() == 3);
        KnownNodeRecord paris1 =
                store.knownNodes().find("192.0.2.11", 22, "admin").orElseThrow();
        assertThat(paris1.name()).isEqualTo("paris-1");
        assertThat(paris1.keyPath()).contains(folder.resolve(".ssh/id_paris"));
        KnownNodeRecord paris2 =
                store.knownNodes().find("paris-2.example.org", 2222, "slapos").orElseThrow();
        assertThat(paris2.jumpHost()).contains("admin@bastion.example.org");
    }
}
