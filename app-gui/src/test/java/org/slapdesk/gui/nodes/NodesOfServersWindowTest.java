package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
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
import org.slapdesk.gui.page.Page;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Several servers selected on the Servers page open the Nodes page with the nodes on them
 * selected (the nodes whose slapos.cfg names them, as read when each was connected), ready
 * for one action on all of them; a server without a known node adds none.
 */
@ExtendWith(ApplicationExtension.class)
class NodesOfServersWindowTest {

    private Path folder;
    private AppStore store;
    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        folder = Files.createTempDirectory("slapdesk-nodes-of-servers");
        store = AppStore.open(folder.resolve("slapdesk.db"));
        store.knownNodes().save(node("paris-1.example.org", "COMP-3"));
        store.knownNodes().save(node("paris-2.example.org", "COMP-4"));
        store.knownNodes().save(KnownNodeRecord.of("lille-1.example.org", 22, "root"));
        FakeMaster master = new FakeMaster();
        for (String reference : List.of("COMP-3", "COMP-4", "COMP-5")) {
            master.nodes.put(reference, FakeMaster.node(reference, Optional.empty(), 0, 0, List.of()));
        }
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> master,
                ActivityStore.NONE,
                NodeInventory.stored(store.knownNodes()),
                new NodeEnvironment(
                        folder.resolve("known_hosts"),
                        folder,
                        ConnectOptions.defaults().withoutAgent()));
        window = new MainWindow(context, null);
        window.show(stage, WindowOptions.parse(List.of("--view", "servers")));
        context.start(null);
    }

    private static KnownNodeRecord node(String host, String computerId) {
        return KnownNodeRecord.of(host, 22, "root").withComputerId(Optional.of(computerId));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void theNodesOfTheSelectedServersAreSelectedOnTheNodesPage(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the servers are read",
                20,
                () -> context.servers().list().rows().size() == 3);
        driver.waitFor(
                "the nodes are read", 20, () -> context.nodes().list().rows().size() == 3);

        select(robot, "COMP-5");
        assertThat(robot.lookup("#servers-nodes").query().isDisabled())
                .as("no node is known on COMP-5")
                .isTrue();
        select(robot, "COMP-3", "COMP-4", "COMP-5");
        assertThat(robot.lookup("#servers-nodes").query().isDisabled()).isFalse();
        driver.snapshot("servers-nodes-of-servers");
        driver.click("#servers-nodes");

        assertThat(window.shell().current()).isEqualTo(Page.NODES);
        assertThat(context.nodes().list().chosen())
                .extracting(r -> r.record().host())
                .containsExactlyInAnyOrder("paris-1.example.org", "paris-2.example.org");
        assertThat(robot.lookup("#action-run-fleet").queryButton().getText()).isEqualTo("Run on 2 nodes");
        driver.snapshot("nodes-of-servers-selected");
    }

    @Test
    void aComputerIdLearnedAfterTheServerWasSelectedEnablesTheButtonAndTheLink(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the servers are read",
                20,
                () -> context.servers().list().rows().size() == 3);
        driver.waitFor(
                "the nodes are read", 20, () -> context.nodes().list().rows().size() == 3);
        select(robot, "COMP-5");
        assertThat(robot.lookup("#servers-nodes").query().isDisabled()).isTrue();

        // what connecting to the node does once its slapos.cfg was read
        NodeRow lille = context.nodes().list().rows().stream()
                .filter(r -> r.record().host().equals("lille-1.example.org"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> lille.recordProperty().set(lille.record().withComputerId(Optional.of("COMP-5"))));

        assertThat(robot.lookup("#servers-nodes").query().isDisabled())
                .as("the node on COMP-5 is known now")
                .isFalse();
        assertThat(robot.lookup("#server-node-link").queryAs(Hyperlink.class).getText())
                .contains("lille-1.example.org");
    }

    private void select(FxRobot robot, String... references) {
        @SuppressWarnings("unchecked")
        TableView<ServerRow> table = robot.lookup("#servers-table").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (String reference : references) {
                table.getItems().stream()
                        .filter(r -> r.reference().equals(reference))
                        .findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
