package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.gui.servers.SoftwareRow;
import org.slapdesk.gui.services.KeyValue;
import org.slapdesk.gui.services.ReleaseFiles;
import org.slapdesk.gui.services.ServiceRow;
import org.slapdesk.gui.session.ConnectionState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, against a real master: the master-side steps of deploying a service
 * from the GUI (supply, request with schema-form parameters pinned to a server, see the
 * parameters, destroy). Each subclass brings the master.
 */
@ExtendWith(ApplicationExtension.class)
abstract class EndToEndWindowTest {

    static final String NODE = "COMP-0";

    @TempDir
    Path folder;

    AppContext context;
    WindowDriver driver;
    Stage stage;
    String release;

    /** The profile the window opens; the master behind it already has {@link #NODE} formatted with partitions. */
    abstract MasterProfile profile(Path folder) throws Exception;

    abstract MasterConnector connector(Path folder);

    /** The master as another client sees it, to check what the window did. */
    abstract Master observer();

    /** A short name for the PNGs. */
    abstract String name();

    static Map<String, Object> nodeFormat() {
        return NodeFormat.withPartitions(NODE, 2);
    }

    /** Subclasses call this from their own {@code @Start} (TestFX only looks at the test class's declared methods). */
    void openWindow(Stage stage) throws Exception {
        this.stage = stage;
        ReleaseFiles.write(folder.resolve("release"));
        release = folder.resolve("release/software.cfg").toUri().toString();
        MasterProfile profile = profile(folder);
        context = new AppContext(List.of(profile), connector(folder), ActivityStore.NONE);
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "servers")));
        context.start(profile.name());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void supplyRequestWithSchemaParametersPinnedToTheServerThenDestroy(FxRobot robot) throws Exception {
        driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the proxy's node is listed",
                30,
                () -> context.session().stateProperty().get() == ConnectionState.CONNECTED
                        && context.servers().list().rows().stream()
                                .anyMatch(r -> r.reference().equals(NODE)));

        // supply, through the dialog
        driver.selectRow("#servers-table", row -> ((ServerRow) row).reference().equals(NODE));
        driver.click("#supply");
        driver.fill("#supply-release", release);
        robot.clickOn("Supply");
        driver.waitFor("the release is listed as supplied", 30, () -> context.servers().software().stream()
                .map(SoftwareRow::url)
                .anyMatch(release::equals));
        driver.snapshot(name() + "-servers");

        // request, with the form generated from the release's schema
        robot.clickOn("#nav-services");
        driver.click("#request");
        driver.fill("#request-release", release);
        robot.clickOn("#load-schema");
        driver.waitFor("the form is built from the schema", 20, () -> !robot.lookup("#field-ipv6-prefix")
                .queryAll()
                .isEmpty());
        driver.fill("#request-title", "re6st-registry");
        driver.fill("#request-server", NODE);
        driver.fill("#field-ipv6-prefix", "fc01::/7");
        driver.fill("#field-prefix-length", "300");
        assertThat(robot.lookup("#request-submit").query().isDisabled())
                .as("300 is above the schema's maximum")
                .isTrue();
        driver.fill("#field-prefix-length", "16");
        driver.snapshotWindowOf("#request-dialog", name() + "-request-dialog");
        driver.click("#request-submit");

        driver.waitFor("the service appears", 30, () -> context.services().list().rows().stream()
                .anyMatch(r -> r.title().equals("re6st-registry")));
        ServiceDetail onMaster = observer().service("re6st-registry");
        assertThat(onMaster.instances().get(0).parameters())
                .containsEntry("ipv6-prefix", "fc01::/7")
                .containsEntry("prefix-length", "16");
        assertThat(onMaster.instances().get(0).computeNodeReference()).contains(NODE);

        driver.selectRow("#services-table", row -> ((ServiceRow) row).title().equals("re6st-registry"));
        driver.waitFor("its parameters are shown", 20, () -> context.services()
                .parameters()
                .contains(new KeyValue("ipv6-prefix", "fc01::/7")));
        driver.snapshot(name() + "-services");

        // destroy, confirmed
        driver.click("#destroy");
        robot.clickOn("Destroy");
        driver.waitFor("the master has the destroy request", 30, () -> context.activity().entries().stream()
                .anyMatch(e -> e.action().equals("Destroy") && e.target().equals("re6st-registry")));
        assertThat(observer().service("re6st-registry").instances().get(0).requestedState())
                .isEqualTo(RequestedState.DESTROYED);
        assertThat(context.notifications().history()).isEmpty();
    }
}
