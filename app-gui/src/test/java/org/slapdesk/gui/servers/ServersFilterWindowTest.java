package org.slapdesk.gui.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The filter box on the real Servers table: the matching runs off the FX thread, yet the table
 * keeps the user's sort, the selected server while it still matches, and the count above it.
 */
@ExtendWith(ApplicationExtension.class)
class ServersFilterWindowTest {

    private static final int SERVERS = 200;

    private final FakeMaster master = new FakeMaster();
    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Instant now = Instant.now();
        for (int i = 0; i < SERVERS; i++) {
            String reference = String.format("COMP-%05d", i);
            master.nodes.put(reference, FakeMaster.node(reference, FakeMaster.access(now), 1, 0, List.of()));
        }
        context = new AppContext(List.of(MasterProfile.local()), profile -> master, ActivityStore.NONE);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "servers")));
        context.start(MasterProfile.local().name());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFilterKeepsTheSortTheSelectionAndTheCount(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "every server is listed",
                30,
                () -> context.servers().list().rows().size() == SERVERS);
        TableView<ServerRow> table = driver.table("#servers-table");
        robot.interact(() -> {
            TableColumn<ServerRow, ?> title = table.getColumns().stream()
                    .filter(column -> column.getText().equals("Title"))
                    .findFirst()
                    .orElseThrow();
            title.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(title));
        });
        driver.selectRow("#servers-table", row -> ((ServerRow) row).reference().equals("COMP-00153"));

        robot.clickOn("#servers-page .filter-box").write("comp-0015");
        driver.waitFor("ten servers match", 10, () -> table.getItems().size() == 10);

        assertThat(table.getItems())
                .extracting(ServerRow::reference)
                .as("the filtered rows keep the title sort, descending")
                .containsExactly(
                        "COMP-00159",
                        "COMP-00158",
                        "COMP-00157",
                        "COMP-00156",
                        "COMP-00155",
                        "COMP-00154",
                        "COMP-00153",
                        "COMP-00152",
                        "COMP-00151",
                        "COMP-00150");
        assertThat(table.getSelectionModel().getSelectedItem().reference())
                .as("the selected server still matches, so it stays selected")
                .isEqualTo("COMP-00153");
        assertThat(context.servers().list().selectedProperty().get().reference())
                .isEqualTo("COMP-00153");
        assertThat(robot.lookup("#servers-count").queryAs(Label.class).getText())
                .isEqualTo("10 of 200 servers shown, no problems");
        driver.snapshot("servers-filtered-sorted");

        robot.eraseText("comp-0015".length());
        driver.waitFor("every server is shown again", 10, () -> table.getItems().size() == SERVERS);
        assertThat(table.getItems().get(0).reference()).isEqualTo("COMP-00199");
        assertThat(table.getSelectionModel().getSelectedItem().reference()).isEqualTo("COMP-00153");
        assertThat(robot.lookup("#servers-count").queryAs(Label.class).getText())
                .isEqualTo("200 servers, no problems");
    }
}
