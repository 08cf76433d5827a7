package org.slapdesk.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.page.Page;
import org.slapdesk.gui.profile.AlertSwitch;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.gui.services.ServiceRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard in the real window: tiles lead to filtered lists, "what is wrong now" links to its objects. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {

    private static final String KVM = "https://lab.example/software/kvm/software.cfg";

    @TempDir
    Path folder;

    private final FakeMaster master = new FakeMaster();
    private AppStore store;
    private AppContext context;
    private MainWindow window;
    private WindowDriver driver;

    @Start
    void start(Stage stage) {
        Instant now = Instant.now();
        master.nodes.put(
                "COMP-0", FakeMaster.node("COMP-0", FakeMaster.access(now.minusSeconds(20)), 4, 1, List.of(KVM)));
        master.nodes.put(
                "COMP-1", FakeMaster.node("COMP-1", FakeMaster.access(now.minusSeconds(3600)), 4, 0, List.of(KVM)));
        master.nodes.put("COMP-2", FakeMaster.node("COMP-2", FakeMaster.access(now.minusSeconds(30)), 4, 0, List.of()));
        master.services.put(
                "broken-db",
                FakeMaster.service(
                        "broken-db",
                        KVM,
                        Map.of(),
                        Map.of(),
                        Optional.of(new AccessStatus(
                                "#error while instanciating: no space left on device",
                                now,
                                now.minusSeconds(3 * 3600 + 12 * 60)))));
        master.services.put("web", FakeMaster.service("web", KVM, Map.of(), Map.of(), FakeMaster.access(now)));
        master.hostServicesOn("COMP-0");
        store = AppStore.open(folder.resolve("slapdesk.sqlite"));
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> master,
                ActivityStore.NONE,
                NodeInventory.inMemory(),
                NodeEnvironment.forThisUser(),
                HistoryStores.in(store, Clock.systemUTC()),
                AlertSwitch.inMemory(true),
                DesktopNotifier.NONE);
        window = new MainWindow(context, null);
        window.show(stage, WindowOptions.parse(List.of("--view", "dashboard")));
        context.start("local");
        driver = new WindowDriver(new FxRobot(), stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        store.close();
    }

    private void settle() throws Exception {
        driver.waitFor(
                "the dashboard to show the fleet",
                10,
                () -> context.settled()
                        && context.dashboard().figuresProperty().get().servers().total() == 3);
    }

    @Test
    void theHistoryChartAndTheSelectedObjectsStripReadTheStoredHistory(FxRobot robot) throws Exception {
        settle();
        driver.waitFor("the first refresh is in the history", 10, () -> !context.dashboard()
                .history()
                .isEmpty());
        ColourCounts last =
                context.dashboard().history().get(context.dashboard().history().size() - 1);
        assertThat(last.red()).as("COMP-1 is red").isEqualTo(1.0);
        assertThat(last.total()).isEqualTo(3.0);
        robot.clickOn("#history-hour");
        assertThat(context.dashboard().rangeProperty().get()).isEqualTo(HistoryRange.HOUR);
        driver.selectRow("#wrong-now-table", row -> ((WrongRow) row).title().equals("COMP-1 title"));
        driver.waitFor(
                "the strip of COMP-1", 10, () -> !context.dashboard().strip().isEmpty());
        assertThat(context.dashboard().strip())
                .last()
                .satisfies(span -> assertThat(span.health().level()).isEqualTo(Health.Level.RED));
        assertThat(robot.lookup("#health-strip .health-red").queryAll()).isNotEmpty();
        driver.snapshot("dashboard-history");
    }

    @Test
    void aRedTileOpensTheServersFilteredByThatColour(FxRobot robot) throws Exception {
        settle();
        assertThat(robot.lookup("#servers-red").queryAs(Label.class).getText()).isEqualTo("1");
        driver.snapshot("dashboard-tiles");
        driver.click("#tile-server-red");
        driver.waitFor(
                "the filter to keep the red server",
                5,
                () -> context.servers().list().visibleRows().size() == 1);
        assertThat(window.shell().current()).isEqualTo(Page.SERVERS);
        assertThat(context.servers().list().filterProperty().get()).isEqualTo("health:red");
        assertThat(context.servers().list().visibleRows())
                .extracting(ServerRow::reference)
                .containsExactly("COMP-1");
    }

    @Test
    void anInstallationTileKeepsTheServersWhoseSoftwareHasThatColour(FxRobot robot) throws Exception {
        settle();
        int green = context.dashboard().figuresProperty().get().installations().count(Health.Level.GREEN);
        assertThat(green).as("an installation with #access is available").isEqualTo(2);
        driver.click("#tile-software-green");
        driver.waitFor(
                "the filter to drop COMP-2, which has no software",
                5,
                () -> context.servers().list().visibleRows().size() == 2);
        assertThat(context.servers().list().visibleRows())
                .extracting(ServerRow::reference)
                .containsExactlyInAnyOrder("COMP-0", "COMP-1");
    }

    @Test
    void whatIsWrongNowShowsTheErrorWithItsAgeAndLinksToTheService(FxRobot robot) throws Exception {
        settle();
        TableView<WrongRow> wrong = driver.table("#wrong-now-table");
        assertThat(wrong.getItems()).extracting(WrongRow::title).contains("broken-db", "COMP-1 title");
        WrongRow db = wrong.getItems().stream()
                .filter(r -> r.title().equals("broken-db"))
                .findFirst()
                .orElseThrow();
        assertThat(db.text()).contains("no space left on device");
        assertThat(robot.lookup("3 h 12 min").tryQuery()).isPresent();
        Hyperlink link = robot.lookup(".wrong-now-link")
                .match(node -> ((Hyperlink) node).getText().equals("broken-db"))
                .queryAs(Hyperlink.class);
        driver.snapshot("dashboard-wrong-now");
        robot.clickOn(link);
        driver.waitFor(
                "the services filtered to broken-db",
                5,
                () -> context.services().list().visibleRows().size() == 1);
        assertThat(window.shell().current()).isEqualTo(Page.SERVICES);
        assertThat(context.services().list().visibleRows())
                .extracting(ServiceRow::title)
                .containsExactly("broken-db");
    }
}
