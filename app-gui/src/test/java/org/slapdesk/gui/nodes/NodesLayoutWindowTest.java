package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.page.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The node list is the Nodes page's main list: at 1440×900 it shows at least 15 nodes before it scrolls. */
@ExtendWith(ApplicationExtension.class)
class NodesLayoutWindowTest {

    private static final int NODES = 30;

    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        NodeInventory inventory = NodeInventory.inMemory();
        for (int i = 0; i < NODES; i++) {
            inventory.save(
                    KnownNodeRecord.of("node" + i + ".example.org", 22, "root").withName("COMP-" + i));
        }
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> new FakeMaster(),
                ActivityStore.NONE,
                inventory,
                NodeEnvironment.forThisUser());
        window = new MainWindow(context, null);
        window.show(stage, WindowOptions.parse(List.of("--view", "nodes")));
        context.start(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theListShowsAtLeastFifteenNodesAndKeepsItsDividerForTheSession(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "every node is listed", 20, () -> context.nodes().list().rows().size() == NODES);
        assertThat(stage.getScene().getWidth()).isEqualTo(1440);
        assertThat(stage.getScene().getHeight()).isEqualTo(900);
        driver.snapshot("nodes-long-list");
        assertThat(fullyVisibleRows(robot)).isGreaterThanOrEqualTo(15);

        SplitPane split = robot.lookup("#nodes-split").queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(0.4));
        robot.interact(() -> window.shell().show(Page.SERVERS));
        robot.interact(() -> window.shell().show(Page.NODES));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getDividerPositions()[0]).isCloseTo(0.4, offset(0.01));
        assertThat(context.nodes().listShareProperty().get()).isCloseTo(0.4, offset(0.01));
    }

    /** Rows whose cell lies wholly inside the table's scrolling area. */
    private static int fullyVisibleRows(FxRobot robot) {
        TableView<?> table = robot.lookup("#nodes-table").queryTableView();
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return 0;
        }
        int visible = 0;
        for (int i = first.getIndex(); i <= last.getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null
                    && i < table.getItems().size()
                    && cell.getLayoutY() >= -0.5
                    && cell.getLayoutY() + cell.getHeight() <= flow.getHeight() + 0.5) {
                visible++;
            }
        }
        return visible;
    }
}
