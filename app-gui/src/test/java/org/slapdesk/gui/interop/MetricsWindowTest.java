package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.dashboard.HistoryStores;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.profile.AlertSwitch;
import org.slapdesk.master.LocalMaster;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window serves the fleet's metrics for Prometheus once turned on in Settings: scraped over
 * HTTP, they hold the health of the servers a real local master knows; a network address is refused
 * until other hosts are allowed, and a busy port says so.
 */
@ExtendWith(ApplicationExtension.class)
class MetricsWindowTest {

    @TempDir
    Path folder;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalMaster server;
    private AppContext context;
    private WindowDriver driver;

    @Start
    void start(Stage stage) throws Exception {
        server = LocalMaster.start(
                folder.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        URI url = server.url();
        NodeFormat.post(url.toString(), NodeFormat.withPartitions("COMP-1", 2));
        MasterProfile lab = MasterProfile.plain("lab", url.toString()).withRestUrl(url.resolve("hateoas/"));
        context = new AppContext(
                List.of(lab),
                profile -> SlapMaster.open(
                        profile, ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))),
                ActivityStore.NONE,
                NodeInventory.inMemory(),
                NodeEnvironment.forThisUser(),
                HistoryStores.none(),
                AlertSwitch.inMemory(true),
                DesktopNotifier.NONE);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "settings")));
        context.start("lab");
        driver = new WindowDriver(new FxRobot(), stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        server.close();
    }

    private void listenOn(FxRobot robot, String address) {
        TextField listen = robot.lookup("#metrics-listen").queryAs(TextField.class);
        robot.interact(() -> {
            listen.setText(address);
            listen.fireEvent(new ActionEvent());
        });
    }

    /** Flips a switch as a click would; the page may have scrolled it out of sight. */
    private static void flip(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            if (node instanceof ToggleSwitch toggle) {
                toggle.setSelected(!toggle.isSelected());
            } else {
                ((CheckBox) node).fire();
            }
        });
    }

    private String state(FxRobot robot) {
        return robot.lookup("#metrics-state").queryAs(Label.class).getText();
    }

    @Test
    void turnedOnTheWindowServesTheServersHealth(FxRobot robot) throws Exception {
        driver.waitFor(
                "the node is read",
                30,
                () -> context.settled()
                        && context.dashboard().figuresProperty().get().servers().total() == 1);
        assertThat(state(robot)).isEqualTo("Off.");
        assertThat(context.metrics().port()).isEmpty();

        listenOn(robot, "127.0.0.1:0");
        flip(robot, "#metrics-serve");
        driver.waitFor("the server listens", 5, () -> context.metrics().port().isPresent());
        int port = context.metrics().port().orElseThrow();
        assertThat(state(robot)).isEqualTo("Listening on http://127.0.0.1:" + port + "/metrics");
        driver.snapshot("settings-metrics");

        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(body)
                .containsPattern("slapdesk_node_health\\{node=\"COMP-1\",profile=\"lab\"\\} [0-3]")
                .contains("slapdesk_last_complete_refresh_timestamp_seconds{profile=\"lab\"}");

        flip(robot, "#metrics-serve");
        assertThat(state(robot)).isEqualTo("Off.");
        assertThat(context.metrics().port()).isEmpty();
    }

    @Test
    void aNetworkAddressWaitsForOtherHostsToBeAllowedAndABusyPortSaysSo(FxRobot robot) throws Exception {
        listenOn(robot, "0.0.0.0:0");
        assertThat(context.metrics().port()).as("off by default").isEmpty();
        flip(robot, "#metrics-serve");
        assertThat(state(robot)).contains("other hosts").contains("Allow other hosts");
        assertThat(context.metrics().port()).isEmpty();
        flip(robot, "#metrics-any-host");
        assertThat(context.metrics().port()).isPresent();

        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listenOn(robot, "127.0.0.1:" + busy.getLocalPort());
            assertThat(context.metrics().port()).isEmpty();
            assertThat(state(robot)).contains("is busy").contains("Choose another port");
        }
    }
}
