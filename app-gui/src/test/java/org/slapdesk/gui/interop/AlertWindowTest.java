package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
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
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.dashboard.HistoryStores;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.profile.AlertSwitch;
import org.slapdesk.master.LocalMaster;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A service breaks on a real local master (its node reports the error through slapos.slap): the
 * window raises exactly one alert, in its notification history and on the desktop, and no repeat
 * while the service stays red. Only the desktop side is a recording stand-in.
 */
@ExtendWith(ApplicationExtension.class)
class AlertWindowTest {

    private static final String RELEASE = "https://lab.example/software/shop/software.cfg";

    @TempDir
    Path folder;

    private final List<String> desktop = new CopyOnWriteArrayList<>();
    private LocalMaster server;
    private SlapMaster observer;
    private AppContext context;
    private WindowDriver driver;
    private String partition;

    @Start
    void start(Stage stage) throws Exception {
        server = LocalMaster.start(
                folder.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        URI url = server.url();
        NodeFormat.post(url.toString(), NodeFormat.withPartitions("COMP-1", 2));
        MasterProfile lab = MasterProfile.plain("lab", url.toString()).withRestUrl(url.resolve("hateoas/"));
        observer = SlapMaster.open(
                lab, ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        observer.supply(RELEASE, "COMP-1");
        observer.request(new InstanceRequest(
                "shop", RELEASE, "default", Map.of(), false, Map.of(), false, RequestedState.STARTED));
        partition =
                observer.service("shop").instances().get(0).partitionReference().orElseThrow();
        InstanceReport.send(url.toString(), "COMP-1", partition, "started", "");
        DesktopNotifier recording = (title, text) -> desktop.add(title + " | " + text);
        context = new AppContext(
                List.of(lab),
                profile -> SlapMaster.open(
                        profile, ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))),
                ActivityStore.NONE,
                NodeInventory.inMemory(),
                NodeEnvironment.forThisUser(),
                HistoryStores.none(),
                AlertSwitch.inMemory(true),
                recording);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "dashboard")));
        context.start("lab");
        driver = new WindowDriver(new FxRobot(), stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        observer.close();
        server.close();
    }

    private void refreshAndSettle() throws Exception {
        WaitForAsyncUtils.asyncFx(context::refreshAll).get(5, TimeUnit.SECONDS);
        driver.waitFor("the refresh ends", 30, context::settled);
    }

    @Test
    void alertsTurnedOffInTheProfileDialogStayQuiet(FxRobot robot) throws Exception {
        driver.waitFor(
                "the running service is read",
                30,
                () -> context.settled()
                        && context.dashboard()
                                        .figuresProperty()
                                        .get()
                                        .services()
                                        .total()
                                == 1);
        robot.clickOn("#nav-settings");
        ListView<MasterProfile> profiles = robot.lookup("#profiles-list").queryListView();
        robot.interact(() -> profiles.getSelectionModel().select(0));
        driver.click("#profile-edit");
        CheckBox alerts = robot.lookup("#profile-alerts").queryAs(CheckBox.class);
        assertThat(alerts.isSelected()).isTrue();
        robot.clickOn(alerts);
        driver.click("#profile-save");
        assertThat(context.alertSwitch().enabled("lab")).isFalse();
        assertThat(context.monitoring().engine().orElseThrow().enabled()).isFalse();

        InstanceReport.send(server.url().toString(), "COMP-1", partition, "error", "buildout failed at step 3");
        refreshAndSettle();
        driver.waitFor(
                "the service is red",
                10,
                () -> context.dashboard().figuresProperty().get().services().count(Health.Level.RED) == 1);
        assertThat(context.notifications().history()).isEmpty();
        assertThat(desktop).isEmpty();
    }

    @Test
    void aServiceTurningRedRaisesOneNotificationAndNoRepeat() throws Exception {
        driver.waitFor(
                "the running service is read",
                30,
                () -> context.settled()
                        && context.dashboard()
                                        .figuresProperty()
                                        .get()
                                        .services()
                                        .total()
                                == 1);
        assertThat(context.notifications().history()).isEmpty();

        InstanceReport.send(server.url().toString(), "COMP-1", partition, "error", "buildout failed at step 3");
        refreshAndSettle();
        driver.waitFor("the alert", 10, () -> !context.notifications().history().isEmpty());
        refreshAndSettle();
        refreshAndSettle();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.notifications().history()).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isEqualTo(Notification.Level.ERROR);
            assertThat(entry.title()).startsWith("[lab] ").contains("shop");
            assertThat(entry.message()).contains("buildout failed at step 3");
        });
        assertThat(desktop).singleElement().asString().startsWith("lab: ").contains("shop");
    }
}
