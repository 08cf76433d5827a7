package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
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
import org.slapdesk.gui.page.Page;
import org.slapdesk.gui.servers.ServerRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A server and its node link to each other: connecting reads the computer_id of the test host's
 * slapos.cfg over SSH and keeps it with the node; the node's detail opens the server, the
 * server's detail opens the node.
 */
@ExtendWith(ApplicationExtension.class)
class NodesServerLinkWindowTest {

    private static Path folder;
    private static NodeTestHost lab;
    private AppStore store;
    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void startHost() throws Exception {
        folder = Files.createTempDirectory("slapdesk-nodes-link");
        lab = new NodeTestHost(folder);
        lab.host.sh("mkdir -p /etc/opt/slapos");
        lab.host.writeFile(
                "/etc/opt/slapos/slapos.cfg", "[slapos]\nmaster_url = http://127.0.0.1:1/\ncomputer_id = COMP-3\n");
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
        store.knownNodes().save(lab.record().withName("COMP-0 paris"));
        FakeMaster master = new FakeMaster();
        master.nodes.put("COMP-3", FakeMaster.node("COMP-3", Optional.empty(), 0, 0, List.of()));
        master.nodes.put("COMP-4", FakeMaster.node("COMP-4", Optional.empty(), 0, 0, List.of()));
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> master,
                ActivityStore.NONE,
                NodeInventory.stored(store.knownNodes()),
                lab.environment());
        window = new MainWindow(context, null);
        window.show(stage, WindowOptions.parse(List.of("--view", "nodes")));
        context.start(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        store.close();
    }

    private String link(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Hyperlink.class).getText();
    }

    @Test
    void theNodeOpensItsServerAndTheServerItsNode(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the servers are read",
                20,
                () -> context.servers().list().rows().size() == 2);
        driver.waitFor(
                "the node is selected",
                20,
                () -> context.nodes().list().selectedProperty().get() != null);
        assertThat(robot.lookup("#node-server-link").queryAs(Hyperlink.class).isVisible())
                .isFalse();

        driver.click("#node-connect");
        driver.waitFor(
                "connected",
                30,
                () -> context.nodes().list().rows().get(0).linkProperty().get() == NodeRow.Link.CONNECTED);
        assertThat(store.knownNodes().list().get(0).computerId()).contains("COMP-3");
        assertThat(link(robot, "#node-server-link")).isEqualTo("Server: COMP-3 (open)");

        driver.click("#node-server-link");
        assertThat(window.shell().current()).isEqualTo(Page.SERVERS);
        assertThat(context.servers().list().selectedProperty().get().reference())
                .isEqualTo("COMP-3");
        assertThat(link(robot, "#server-node-link")).isEqualTo("Node: COMP-0 paris (open)");
        driver.snapshot("servers-node-link");

        driver.selectRow("#servers-table", r -> isReference(r, "COMP-4"));
        assertThat(robot.lookup("#server-node-link").queryAs(Hyperlink.class).isVisible())
                .isFalse();
        driver.selectRow("#servers-table", r -> isReference(r, "COMP-3"));
        driver.click("#server-node-link");
        assertThat(window.shell().current()).isEqualTo(Page.NODES);
        assertThat(context.nodes().list().selectedProperty().get().displayName())
                .isEqualTo("COMP-0 paris");
    }

    private static boolean isReference(Object row, String reference) {
        return row instanceof ServerRow s && s.reference().equals(reference);
    }
}
