package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.profile.EmbeddedMaster;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.servers.ServerRow;
import org.slapdesk.gui.servers.SoftwareRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The end-to-end window steps on the embedded local master, opened the way the window opens it
 * when nothing else is configured (the local profile); a node's format is posted to it as
 * {@code slapos node format} would.
 */
class LocalMasterWindowTest extends EndToEndWindowTest {

    private EmbeddedMaster embedded;
    private SlapMaster observer;

    @Override
    MasterProfile profile(Path folder) {
        return MasterProfile.local();
    }

    @Override
    MasterConnector connector(Path folder) {
        return profile -> {
            embedded = EmbeddedMaster.start(folder.resolve("data/local-master.sqlite"));
            NodeFormat.post(embedded.url(), nodeFormat());
            observer = SlapMaster.open(
                    MasterProfile.plain("observer", embedded.url()),
                    ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
            return embedded;
        };
    }

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    @Override
    Master observer() {
        return observer;
    }

    @Override
    String name() {
        return "local-master";
    }

    @Test
    void aRequestThatFindsNoFreePartitionWaitsAndGoesThroughOnceANodeHasRoom(FxRobot robot) throws Exception {
        driver = new WindowDriver(robot, stage);
        driver.waitFor("the node is listed", 30, () -> context.servers().list().rows().stream()
                .anyMatch(r -> r.reference().equals(NODE)));
        // both partitions of the only node are taken
        for (String title : List.of("first", "second")) {
            observer.request(new InstanceRequest(
                    title, release, "default", Map.of(), false, Map.of(), false, RequestedState.STARTED));
        }
        robot.clickOn("#nav-services");
        driver.click("#request");
        driver.fill("#request-release", release);
        robot.clickOn("#load-schema");
        driver.waitFor("the form is built", 20, () -> !robot.lookup("#field-ipv6-prefix")
                .queryAll()
                .isEmpty());
        driver.fill("#request-title", "third");
        driver.fill("#field-ipv6-prefix", "fc02::/16");
        driver.click("#request-submit");

        driver.waitFor(
                "the request says it waits for a partition",
                20,
                () -> robot.lookup("#cancel-pending-request")
                                .query()
                                .getParent()
                                .isVisible()
                        && context.services().pendingRequestProperty().get().contains("waiting for a partition"));
        assertThat(context.notifications().history())
                .as("waiting is not an error")
                .isEmpty();
        driver.snapshot(name() + "-waiting-for-a-partition");

        // a second node formats itself (as 'slapos node format' would): the retry goes through by itself
        NodeFormat.post(embedded.url(), NodeFormat.withPartitions("COMP-1", 1));
        driver.waitFor("the retried request is allocated", 60, () -> context.activity().entries().stream()
                .anyMatch(e -> e.action().equals("Request") && e.target().equals("third")));
        driver.waitFor(
                "the waiting banner is gone",
                10,
                () -> context.services().pendingRequestProperty().get().isEmpty());
        assertThat(observer().service("third").instances().get(0).computeNodeReference())
                .contains("COMP-1");
        assertThat(context.activity().entries())
                .anyMatch(e -> e.action().equals("Request")
                        && e.target().equals("third")
                        && e.outcomeText().startsWith("done: allocated on COMP-1"));
    }

    @Test
    void aWaitingRequestIsCancelledFromItsBanner(FxRobot robot) throws Exception {
        driver = new WindowDriver(robot, stage);
        driver.waitFor("the node is listed", 30, () -> context.servers().list().rows().stream()
                .anyMatch(r -> r.reference().equals(NODE)));
        for (String title : List.of("first", "second")) {
            observer.request(new InstanceRequest(
                    title, release, "default", Map.of(), false, Map.of(), false, RequestedState.STARTED));
        }
        robot.clickOn("#nav-services");
        driver.click("#request");
        driver.fill("#request-release", release);
        driver.fill("#request-title", "never-placed");
        driver.click("#mode-json");
        driver.fill("#parameters-raw", "{\"ipv6-prefix\": \"fc03::/16\"}");
        driver.click("#request-submit");
        driver.waitFor(
                "the request waits",
                20,
                () -> context.services().pendingRequestProperty().get().contains("waiting for a partition")
                        && robot.lookup("#cancel-pending-request")
                                .query()
                                .getParent()
                                .isVisible());
        driver.click("#cancel-pending-request");
        driver.waitFor(
                "the banner is gone",
                20,
                () -> context.services().pendingRequestProperty().get().isEmpty()
                        && !robot.lookup("#cancel-pending-request")
                                .query()
                                .getParent()
                                .isVisible());
        assertThat(context.activity().entries())
                .anyMatch(e ->
                        e.target().equals("never-placed") && e.outcomeText().equals("cancelled"));
        assertThat(context.notifications().history()).isEmpty();
    }

    @Test
    void suppliedSoftwareShowsEachInstallationReportOfTheNode(FxRobot robot) throws Exception {
        driver = new WindowDriver(robot, stage);
        driver.waitFor("the node is listed", 30, () -> context.servers().list().rows().stream()
                .anyMatch(r -> r.reference().equals(NODE)));
        driver.selectRow("#servers-table", row -> ((ServerRow) row).reference().equals(NODE));
        robot.clickOn("Supplied software");
        driver.waitFor("the empty tab names the selected server", 10, () -> softwarePlaceholder(robot)
                .equals("No software supplied to " + NODE + " yet"));

        observer.supply(release, NODE);
        for (String report : List.of("building", "error", "available")) {
            InstallationReport.send(embedded.url(), NODE, release, report);
            robot.interact(() -> context.servers().list().refresh());
            Health.Level level = Map.of(
                            "building", Health.Level.GREY, "error", Health.Level.RED, "available", Health.Level.GREEN)
                    .get(report);
            String text = Map.of(
                            "building", "Building",
                            "error", "#error while installing " + release,
                            "available", "Available")
                    .get(report);
            driver.waitFor("the row shows " + report, 30, () -> context.servers().software().stream()
                    .anyMatch(r -> r.url().equals(release)
                            && r.health().level() == level
                            && r.installation().contains(text)));
        }
    }

    @Test
    void removeShowsItsEffectAtOnceWithAutoRefreshOff(FxRobot robot) throws Exception {
        driver = new WindowDriver(robot, stage);
        driver.waitFor("the node is listed", 30, () -> context.servers().list().rows().stream()
                .anyMatch(r -> r.reference().equals(NODE)));
        robot.interact(() -> context.settings().refreshSecondsProperty().set(0));
        observer.supply(release, NODE);
        InstallationReport.send(embedded.url(), NODE, release, "available");
        robot.interact(() -> context.servers().list().refresh());
        driver.selectRow("#servers-table", row -> ((ServerRow) row).reference().equals(NODE));
        robot.clickOn("Supplied software");
        driver.waitFor("the release is available", 30, () -> context.servers().software().stream()
                .anyMatch(r -> r.url().equals(release) && r.state().equals("available")));

        driver.selectRow("#software-table", row -> ((SoftwareRow) row).url().equals(release));
        driver.click("#remove-software");
        robot.clickOn("Remove");
        driver.waitFor(
                "the row says the release is being removed, without a periodic refresh",
                5,
                () -> context.servers().software().stream()
                        .noneMatch(r -> r.url().equals(release) && r.state().equals("available")));
    }

    @SuppressWarnings("unchecked")
    private static String softwarePlaceholder(FxRobot robot) {
        TableView<SoftwareRow> table = robot.lookup("#software-table").queryAs(TableView.class);
        return ((Label) table.getPlaceholder()).getText();
    }

    @AfterEach
    void closeObserver() {
        if (observer != null) {
            observer.close();
        }
    }
}
