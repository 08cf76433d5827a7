package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.monitor.PromiseResult;
import org.slapdesk.core.monitor.PromiseStatus;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.dashboard.HistoryStores;
import org.slapdesk.gui.dashboard.WrongRow;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.profile.AlertSwitch;
import org.slapdesk.gui.services.ServiceRow;
import org.slapdesk.master.LocalMaster;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A service on a real local master publishes its monitor (through slapos.slap's connection
 * parameters); the monitor is served on loopback with basic auth as the monitor stack lays it
 * out. The Services page's Promises tab shows its promises and the failing one is wrong now.
 */
@ExtendWith(ApplicationExtension.class)
class PromisesWindowTest {

    private static final String RELEASE = "https://lab.example/software/shop/software.cfg";

    @TempDir
    Path folder;

    private LocalMaster server;
    private SlapMaster observer;
    private MonitorFiles monitor;
    private AppContext context;
    private WindowDriver driver;

    @Start
    void start(Stage stage) throws Exception {
        server = LocalMaster.start(
                folder.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        URI url = server.url();
        NodeFormat.post(url.toString(), NodeFormat.withPartitions("COMP-1", 1));
        MasterProfile lab = MasterProfile.plain("lab", url.toString()).withRestUrl(url.resolve("hateoas/"));
        ClientOptions options = ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
        observer = SlapMaster.open(lab, options);
        observer.supply(RELEASE, "COMP-1");
        observer.request(new InstanceRequest(
                "shop", RELEASE, "default", Map.of(), false, Map.of(), false, RequestedState.STARTED));
        String partition =
                observer.service("shop").instances().get(0).partitionReference().orElseThrow();
        InstanceReport.send(url.toString(), "COMP-1", partition, "started", "");

        monitor = new MonitorFiles("admin", "s3cret");
        URI base = monitor.base();
        monitor.put(
                "/public/feeds",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="1.1"><head><title>shop</title></head><body>
                  <outline text="Monitoring RSS Feed list">
                    <outline text="shop" title="shop" type="rss" version="RSS" htmlUrl="%1$s/public/feed"
                             xmlUrl="%1$s/public/feed" url="%1$s/share/jio_public/" />
                  </outline></body></opml>"""
                        .formatted(base));
        monitor.put(
                "/public/feed",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>monitor</title>"
                        + "<item><title>[OK] check-port-listening</title></item>"
                        + "<item><title>[ERROR] check-free-disk</title></item></channel></rss>");
        monitor.put(
                "/private/check-free-disk.status.json",
                """
                {"status": "ERROR", "title": "check-free-disk", "instance": "shop", "hosting_subscription": "shop",
                 "message": "only 2% of /srv is free", "start-date": "2026-12-07 09:01:02",
                 "change-time": 1796634062, "type": "status"}""");
        monitor.put(
                "/private/check-free-disk.history.json",
                """
                {"date": 1796634062, "data": [
                  {"status": "OK", "start-date": "2026-12-07 08:14:00", "message": ""},
                  {"status": "ERROR", "start-date": "2026-12-07 09:01:02", "message": "only 2%"}]}""");
        monitor.put(
                "/private/check-port-listening.status.json",
                """
                {"status": "OK", "title": "check-port-listening", "instance": "shop", "message": "port 8080 open",
                 "start-date": "2026-12-07 09:01:00", "change-time": 1796536000}""");
        InstanceReport.publish(
                url.toString(),
                "COMP-1",
                partition,
                """
                {"monitor-base-url": "%1$s", "monitor-setup-url":
                 "https://monitor.app.officejs.com/#page=settings_configurator&url=%1$s/public/feeds&username=admin&password=s3cret"}"""
                        .formatted(base));

        context = new AppContext(
                List.of(lab),
                profile -> SlapMaster.open(profile, options),
                ActivityStore.NONE,
                NodeInventory.inMemory(),
                NodeEnvironment.forThisUser(),
                HistoryStores.none(),
                AlertSwitch.inMemory(true),
                DesktopNotifier.NONE);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "services")));
        context.start("lab");
        driver = new WindowDriver(new FxRobot(), stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        observer.close();
        monitor.close();
        server.close();
    }

    @Test
    void aFailingPromiseTurnsItsServiceRedInTheListAndTheTilesWithItsMessage() throws Exception {
        driver.waitFor(
                "the promises of shop are read",
                30,
                () -> context.monitoring().promisesProperty().get().containsKey("shop"));
        driver.waitFor("shop is red in the Services list", 10, () -> context.services().list().rows().stream()
                .anyMatch(row -> row.title().equals("shop") && row.health().level() == Health.Level.RED));
        ServiceRow shop = context.services().list().rows().stream()
                .filter(row -> row.title().equals("shop"))
                .findFirst()
                .orElseThrow();
        assertThat(shop.health().reason()).contains("check-free-disk").contains("only 2% of /srv is free");
        driver.waitFor(
                "the services tile counts it red",
                10,
                () -> context.dashboard().figuresProperty().get().services().count(Health.Level.RED) == 1);
        assertThat(context.services().list().count(Health.Level.RED).get()).isEqualTo(1);
    }

    @Test
    void theServicesPromisesShowInTheirTabAndAFailingOneIsWrongNow(FxRobot robot) throws Exception {
        driver.waitFor(
                "the promises of shop are read",
                30,
                () -> context.monitoring().promisesProperty().get().containsKey("shop"));
        assertThat(context.monitoring().promisesProperty().get().get("shop").problem())
                .isEmpty();
        driver.selectRow("#services-table", row -> ((ServiceRow) row).title().equals("shop"));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> t.getText().equals("Promises"))
                        .findFirst()
                        .orElseThrow()));
        TableView<PromiseResult> promises = driver.table("#promises-table");
        driver.waitFor(
                "the promises tab is filled", 10, () -> promises.getItems().size() == 2);
        assertThat(promises.getItems())
                .filteredOn(p -> p.name().equals("check-free-disk"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(PromiseStatus.ERROR);
                    assertThat(p.message()).isEqualTo("only 2% of /srv is free");
                    assertThat(p.history()).hasSize(2);
                });
        driver.snapshot("services-promises");
        driver.waitFor(
                "the failing promise is wrong now",
                10,
                () -> context.dashboard().figuresProperty().get().wrong().stream()
                        .map(WrongRow::kind)
                        .anyMatch("promise"::equals));
    }
}
