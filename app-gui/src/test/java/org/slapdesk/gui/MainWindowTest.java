package org.slapdesk.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.Styles;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.page.Page;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.gui.settings.Density;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, on an in-test master: navigation, shortcuts, filter, health,
 * notifications. Writes a PNG of each page to target/screens for people to look at.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final String KVM = "https://lab.example/software/kvm/software.cfg";
    private static final String RE6ST = "https://lab.example/software/re6stnet/software.cfg";

    private final FakeMaster master = new FakeMaster();
    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Instant now = Instant.now();
        master.nodes.put(
                "COMP-0",
                FakeMaster.node("COMP-0", FakeMaster.access(now.minusSeconds(20)), 10, 3, List.of(KVM, RE6ST)));
        master.nodes.put(
                "COMP-1", FakeMaster.node("COMP-1", FakeMaster.access(now.minusSeconds(300)), 10, 0, List.of(KVM)));
        master.nodes.put(
                "COMP-2", FakeMaster.node("COMP-2", FakeMaster.access(now.minusSeconds(3600)), 4, 1, List.of()));
        master.nodes.put("COMP-3", FakeMaster.node("COMP-3", Optional.empty(), 0, 0, List.of()));
        master.services.put(
                "re6st-registry",
                FakeMaster.service(
                        "re6st-registry",
                        RE6ST,
                        Map.of("ipv6-prefix", "fc01::/7", "prefix-length", "16"),
                        Map.of("url", "http://[fc01::1]:9201/", "token-list", "a,b"),
                        FakeMaster.access(now)));
        master.services.put("frontend", FakeMaster.service("frontend", KVM, Map.of(), Map.of(), Optional.empty()));
        master.hostServicesOn("COMP-3");
        MasterProfile local = MasterProfile.local();
        MasterProfile prod =
                MasterProfile.plain("production", "https://slap.example").withColour("#cf222e");
        context = new AppContext(List.of(local, prod), profile -> master, ActivityStore.NONE);
        window = new MainWindow(context, null);
        window.show(stage, WindowOptions.parse(List.of()));
        context.start("local");
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> context.settled() && !context.servers().list().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screens", name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
                    Snapshot.write(stage.getScene(), file);
                    return null;
                })
                .get(10, TimeUnit.SECONDS);
        assertThat(file).exists();
    }

    @Test
    void serversShowHealthAndTheSelectedServersDetail(FxRobot robot) throws Exception {
        settle();
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        assertThat(servers.getItems()).hasSize(4);
        robot.interact(() -> servers.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#partitions-table").queryTableView().getItems())
                .hasSize(10);
        snapshot("servers");
        assertThat(robot.lookup(".health-green").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".health-yellow").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".health-red").queryAll()).isNotEmpty();
    }

    @Test
    void aHealthChangeIsHighlightedOnlyOnTheRowThatChanged(FxRobot robot) throws Exception {
        settle();
        assertThat(robot.lookup(".health-changed").queryAll()).isEmpty();
        synchronized (master) {
            master.nodes.put(
                    "COMP-0",
                    FakeMaster.node(
                            "COMP-0",
                            Optional.of(
                                    new AccessStatus("#error the node cannot format", Instant.now(), Instant.now())),
                            10,
                            3,
                            List.of(KVM, RE6ST)));
        }
        robot.interact(context::refreshAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".health-changed")
                .queryAll()
                .isEmpty());
        assertThat(robot.lookup(".health-changed").queryAll()).hasSize(1);
        TableRow<?> row = (TableRow<?>) robot.lookup(".health-changed").query();
        assertThat(((ServerRow) row.getItem()).reference()).isEqualTo("COMP-0");
        snapshot("servers-health-changed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".health-changed")
                .queryAll()
                .isEmpty());
    }

    @Test
    void theHealthHeaderSortsBySeverityAndTheSortSurvivesARefresh(FxRobot robot) throws Exception {
        settle();
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        robot.clickOn(robot.from(servers)
                .lookup(".column-header .label")
                .lookup((Label label) -> "Health".equals(label.getText()))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(servers.getItems())
                .extracting(row -> ((ServerRow) row).reference())
                .containsExactly("COMP-2", "COMP-1", "COMP-3", "COMP-0");

        synchronized (master) {
            master.nodes.put(
                    "COMP-1",
                    FakeMaster.node("COMP-1", FakeMaster.access(Instant.now().minusSeconds(5)), 10, 0, List.of(KVM)));
        }
        robot.interact(context::refreshAll);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> ((ServerRow) servers.getItems().get(1)).reference().equals("COMP-3"));
        assertThat(servers.getItems().subList(2, 4))
                .extracting(row -> ((ServerRow) row).reference())
                .as("the server that turned green moved down among the green ones without another click")
                .containsExactlyInAnyOrder("COMP-0", "COMP-1");
    }

    @Test
    void theFilterBoxNarrowsTheList(FxRobot robot) throws Exception {
        settle();
        robot.clickOn(".filter-box").write("comp-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#servers-table").queryTableView().getItems()).hasSize(1);
    }

    @Test
    void shortcutsSwitchPages(FxRobot robot) throws Exception {
        settle();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().current()).isEqualTo(Page.SERVICES);
        TableView<?> services = robot.lookup("#services-table").queryTableView();
        assertThat(services.getItems()).hasSize(2);
        // rows are sorted by title: pick the service that has connection parameters
        robot.interact(() -> context.services().list().rows().stream()
                .filter(row -> row.title().equals("re6st-registry"))
                .findFirst()
                .ifPresent(row ->
                        ((TableView<Object>) services).getSelectionModel().select(row)));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#connection-table")
                                .queryTableView()
                                .getItems()
                                .size()
                        == 2);
        snapshot("services");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().current()).isEqualTo(Page.DASHBOARD);
        assertThat(robot.lookup("#servers-green").queryAs(Label.class).getText())
                .isEqualTo("1");
        assertThat(robot.lookup("#servers-red").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#services-red").queryAs(Label.class).getText())
                .as("never reported: it waits grey for its node's first report, it is not red")
                .isEqualTo("0");
        snapshot("dashboard");
    }

    @Test
    void aFailedActionShowsANotificationThatStaysUntilDismissed(FxRobot robot) throws Exception {
        settle();
        master.failNext = new MasterException.Unreachable(
                "http://127.0.0.1:9/", "the master at http://127.0.0.1:9/ does not answer", null);
        robot.interact(() -> context.servers().supply(KVM, "COMP-1"));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !context.notifications().active().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".slapdesk-notification").queryAll()).hasSize(1);
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".slapdesk-notification").queryAll())
                .as("still there")
                .hasSize(1);
        robot.interact(() -> window.shell().show(Page.TASKS));
        snapshot("tasks-with-notification");
        robot.interact(() ->
                context.notifications().dismiss(context.notifications().active().get(0)));
        assertThat(robot.lookup(".slapdesk-notification").queryAll()).isEmpty();
        assertThat(context.notifications().history()).hasSize(1);
    }

    @Test
    void aProfileIsAddedFromTheHeaderAndOpened(FxRobot robot) throws Exception {
        settle();
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.click("#profile-add-header");
        driver.fill("#profile-name", "production");
        assertThat(robot.lookup("#profile-save").query().isDisabled())
                .as("the name is taken")
                .isTrue();
        driver.fill("#profile-name", "lab");
        driver.fill("#profile-url", "ftp://nowhere");
        assertThat(robot.lookup("#profile-save").query().isDisabled())
                .as("not an http URL")
                .isTrue();
        driver.fill("#profile-url", "http://127.0.0.1:9/");
        driver.fill("#profile-certificate", "/nonexistent/client.crt");
        assertThat(robot.lookup("#profile-save").query().isDisabled())
                .as("a certificate without its key")
                .isTrue();
        driver.fill("#profile-key", "/nonexistent/client.key");
        driver.fill("#profile-api-url", "ftp://nowhere/portal_web_services/slapos_master_api/");
        WaitForAsyncUtils.waitForFxEvents();
        driver.snapshotWindowOf("#profile-dialog", "profile-dialog");
        Node saveButton = robot.lookup("#profile-save").query();
        assertThat(saveButton.localToScene(saveButton.getBoundsInLocal()).getMaxY())
                .as("with three reasons shown, Save is still inside the dialog")
                .isLessThanOrEqualTo(saveButton.getScene().getHeight());
        assertThat(robot.lookup("#profile-save").query().isDisabled())
                .as("missing files")
                .isTrue();
        driver.fill("#profile-certificate", "");
        driver.fill("#profile-key", "");
        assertThat(robot.lookup("#profile-save").query().isDisabled())
                .as("the API URL is not an http URL")
                .isTrue();
        driver.fill("#profile-api-url", "http://127.0.0.1:9/portal_web_services/slapos_master_api/");
        driver.click("#profile-save");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> context.session().profileProperty().get() != null
                        && context.session().profileProperty().get().name().equals("lab"));
        assertThat(context.profiles().find("lab").orElseThrow().apiUrl())
                .contains(URI.create("http://127.0.0.1:9/portal_web_services/slapos_master_api/"));
    }

    @Test
    void theSupplyDialogOffersTheKnownReleases(FxRobot robot) throws Exception {
        settle();
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.selectRow("#servers-table", row -> ((ServerRow) row).reference().equals("COMP-3"));
        driver.click("#supply");
        ComboBox<?> releases = robot.lookup("#supply-release").queryComboBox();
        assertThat(releases.getItems()).hasSize(2);
        driver.fill("#supply-release", RE6ST);
        driver.snapshotWindowOf("#supply-release", "supply-dialog");
        robot.clickOn("Supply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> master.calls.contains("supply " + RE6ST + " COMP-3"));
    }

    @Test
    void theCountAboveTheListAndSupplyToSeveralSelectedServers(FxRobot robot) throws Exception {
        settle();
        assertThat(robot.lookup("#servers-count").queryAs(Label.class).getText())
                .isEqualTo("4 servers, 2 with problems");
        WindowDriver driver = new WindowDriver(robot, stage);
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        robot.interact(() -> {
            servers.getSelectionModel().clearSelection();
            servers.getSelectionModel().selectIndices(0, 1, 2);
        });
        driver.click("#supply");
        driver.fill("#supply-release", RE6ST);
        driver.snapshotWindowOf("#supply-release", "supply-dialog-several");
        robot.clickOn("Supply");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> master.calls.stream()
                                .filter(c -> c.startsWith("supply " + RE6ST))
                                .count()
                        == 3);
        assertThat(context.tasks().tasks())
                .filteredOn(t -> t.title().startsWith("Supply"))
                .hasSize(1);
    }

    @Test
    void aSuccessNoticeFadesByItselfWhileAnErrorStays(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> context.servers().supply(KVM, "COMP-3"));
        // the supply goes to the master first: on a loaded machine that alone can take seconds
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup(".slapdesk-notification.success")
                .queryAll()
                .isEmpty());
        MasterException failure = new MasterException.Unreachable(
                "http://127.0.0.1:9/", "the master at http://127.0.0.1:9/ does not answer", null);
        robot.interact(() -> context.notifications().error("Remove kvm on COMP-1 failed", failure));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup(".slapdesk-notification.danger")
                .queryAll()
                .isEmpty());
        snapshot("notice-after-supply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".slapdesk-notification.success")
                .queryAll()
                .isEmpty());
        assertThat(robot.lookup(".slapdesk-notification.danger").queryAll())
                .as("the error stays until dismissed")
                .hasSize(1);
    }

    @Test
    void theDetailsWindowSaysTheCausesInWordsFitsItsContentAndKeepsTheTraceClosed(FxRobot robot) throws Exception {
        settle();
        MasterException failure = new MasterException.Unreachable(
                "http://127.0.0.1:9/",
                "the master at http://127.0.0.1:9/ does not answer",
                new ConnectException("Connection refused"));
        robot.interact(() -> context.notifications().error("Supply kvm on COMP-1 failed", failure));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(robot.lookup(".slapdesk-notification.danger").queryAll())
                .lookup((Button button) -> "Details".equals(button.getText()))
                .queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#error-details")
                .queryAll()
                .isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#error-details").queryAs(DialogPane.class);
        Window details = pane.getScene().getWindow();
        assertThat(robot.lookup(".error-cause").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("the master at http://127.0.0.1:9/ does not answer", "because: Connection refused");
        assertThat(robot.lookup("#error-trace").queryAs(TitledPane.class).isExpanded())
                .isFalse();
        assertThat(details.getWidth()).isBetween(420.0, 960.0);
        assertThat(details.getHeight()).isBetween(160.0, 720.0);
        double ownerCentreX = stage.getX() + stage.getWidth() / 2;
        double ownerCentreY = stage.getY() + stage.getHeight() / 2;
        assertThat(details.getX() + details.getWidth() / 2).isCloseTo(ownerCentreX, within(2.0));
        assertThat(details.getY() + details.getHeight() / 2).isCloseTo(ownerCentreY, within(2.0));
        WaitForAsyncUtils.asyncFx(() -> {
                    Snapshot.write(details.getScene(), Path.of("target", "screens", "error-details.png"));
                    return null;
                })
                .get(10, TimeUnit.SECONDS);
        robot.interact(() -> ((Stage) details).close());
    }

    @Test
    void compactDensityFitsMoreServerRowsInTheWindow(FxRobot robot) throws Exception {
        settle();
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        double normal = rowsThatFit(robot, servers);
        robot.interact(() -> context.settings().densityProperty().set(Density.COMPACT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(servers.getStyleClass()).contains(Styles.DENSE);
        double compact = rowsThatFit(robot, servers);
        snapshot("servers-compact");
        assertThat(compact).as("rows that fit in the servers table").isGreaterThan(normal * 1.2);
        robot.interact(() -> context.settings().densityProperty().set(Density.NORMAL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(servers.getStyleClass()).doesNotContain(Styles.DENSE);
    }

    private static double rowsThatFit(FxRobot robot, TableView<?> table) {
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> row = robot.from(table).lookup(".table-row-cell").queryAs(TableRow.class);
        double header = robot.from(table)
                .lookup(".column-header-background")
                .query()
                .getBoundsInParent()
                .getHeight();
        return (table.getHeight() - header) / row.getHeight();
    }

    @Test
    void otherPagesRender(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> context.servers().supply(KVM, "COMP-3"));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !context.activity().entries().isEmpty());
        for (Page page : List.of(Page.ACTIVITY, Page.NODES, Page.SETTINGS)) {
            robot.interact(() -> window.shell().show(page));
            snapshot(page.name().toLowerCase(Locale.ROOT));
        }
        robot.interact(() -> context.settings().darkProperty().set(true));
        robot.interact(() -> window.shell().show(Page.SERVERS));
        snapshot("servers-dark");
        robot.interact(() -> context.settings().darkProperty().set(false));
    }
}
