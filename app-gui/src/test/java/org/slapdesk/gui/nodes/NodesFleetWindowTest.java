package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.AuditEntry;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.AuditLogStore;
import org.slapdesk.gui.nodes.fleet.FleetNodeRun;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fleet from the window, on three real test hosts each with a real instance supervisord:
 * select a group, then all, run the status on them at once (the start times written inside
 * the hosts overlap), each row ends ok with its own output and the audit log gets one entry per
 * node; then one host is made slow, cancelled alone, and the other two still end ok.
 */
@ExtendWith(ApplicationExtension.class)
class NodesFleetWindowTest {

    /** Notes when slapos starts and ends on the host, after the delay in /tmp/fleet-delay. */
    private static final String TIMED_SLAPOS = "/usr/local/bin/timed-slapos";

    private static Path folder;
    private static final List<NodeTestHost> HOSTS = new ArrayList<>();
    private AppStore store;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void startHosts() throws Exception {
        folder = Files.createTempDirectory("slapdesk-nodes-fleet");
        StringBuilder known = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Path dir = Files.createDirectories(folder.resolve("host" + i));
            NodeTestHost host = new NodeTestHost(dir);
            HOSTS.add(host);
            String slapos = host.instanceSupervisord();
            host.host.writeFile(
                    TIMED_SLAPOS,
                    "#!/bin/sh\ndate +%s.%N >> /tmp/fleet-starts\nsleep \"$(cat /tmp/fleet-delay)\"\n"
                            + "date +%s.%N >> /tmp/fleet-ends\nexec " + slapos + " \"$@\"\n");
            host.host.sh("chmod 755 " + TIMED_SLAPOS + " && echo 2 > /tmp/fleet-delay");
            known.append(host.host.knownHostsLine()).append('\n');
        }
        Files.writeString(folder.resolve("known_hosts"), known);
    }

    @AfterAll
    static void stopHosts() {
        HOSTS.forEach(NodeTestHost::close);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.deleteIfExists(folder.resolve("slapdesk.db"));
        store = AppStore.open(folder.resolve("slapdesk.db"));
        String[] tags = {"paris", "paris", "lille"};
        for (int i = 0; i < HOSTS.size(); i++) {
            store.knownNodes()
                    .save(HOSTS.get(i)
                            .record()
                            .withName("COMP-" + i)
                            .withTag(tags[i])
                            .withSlapos(TIMED_SLAPOS, "/etc/opt/slapos/slapos.cfg"));
        }
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> new FakeMaster(),
                new AuditLogStore(store.auditLog()),
                NodeInventory.stored(store.knownNodes()),
                new NodeEnvironment(
                        folder.resolve("known_hosts"),
                        Path.of(System.getProperty("user.home")),
                        ConnectOptions.defaults().withoutAgent()));
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "nodes")));
        context.start(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        store.close();
    }

    private List<FleetNodeRun> runs() {
        return context.nodes().fleet().rows();
    }

    private FleetNodeRun run(int host) {
        return runs().stream()
                .filter(r -> r.name().equals("COMP-" + host))
                .findFirst()
                .orElseThrow();
    }

    private static List<Double> times(NodeTestHost host, String file) {
        return host.host.sh("cat /tmp/" + file).lines().map(Double::parseDouble).toList();
    }

    @Test
    void oneActionOnEveryNodeAtOnceThenOneCancelled(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.waitFor(
                "the three nodes are listed",
                20,
                () -> context.nodes().list().rows().size() == 3);

        ComboBox<String> groups = robot.lookup("#node-group").queryComboBox();
        robot.interact(() -> groups.setValue("paris"));
        driver.click("#node-select-group");
        assertThat(context.nodes().list().chosen())
                .extracting(NodeRow::displayName)
                .containsExactlyInAnyOrder("COMP-0", "COMP-1");

        TableView<NodeRow> nodes = driver.table("#nodes-table");
        robot.interact(() -> nodes.getSelectionModel().selectAll());
        robot.interact(() -> context.nodes().wizard().choose("status"));
        assertThat(robot.lookup("#action-run-fleet").queryButton().getText()).isEqualTo("Run on 3 nodes");
        driver.click("#action-run-fleet");
        try {
            driver.waitFor(
                    "every node answered",
                    90,
                    () -> runs().size() == 3
                            && runs().stream().allMatch(r -> r.state().finished()));
        } catch (AssertionError e) {
            driver.snapshot("nodes-fleet-run-timeout");
            throw new AssertionError(
                    e.getMessage() + ": "
                            + runs().stream()
                                    .map(r -> r.name() + " " + r.state() + " "
                                            + r.reasonProperty().get() + " " + r.output())
                                    .toList(),
                    e);
        }
        for (FleetNodeRun r : runs()) {
            assertThat(r.state()).as(r.name() + ": " + r.reasonProperty().get()).isEqualTo(FleetNodeRun.State.OK);
            assertThat(r.output()).anyMatch(l -> l.startsWith("slappart0:sleeper-on-watch  RUNNING  pid "));
            assertThat(r.durationProperty().get()).isNotNull();
        }
        driver.selectRow("#fleet-table", r -> ((FleetNodeRun) r).name().equals("COMP-1"));
        assertThat(robot.lookup("#fleet-output").queryTextInputControl().getText())
                .contains("slappart0:sleeper-on-watch  RUNNING");
        driver.snapshot("nodes-fleet-run");

        // at once: every host started before the first one ended (each waits 2 s inside)
        double lastStart = HOSTS.stream()
                .map(h -> times(h, "fleet-starts").get(0))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        double firstEnd = HOSTS.stream()
                .map(h -> times(h, "fleet-ends").get(0))
                .min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(lastStart).isLessThan(firstEnd);

        List<AuditEntry> audit = store.auditLog().recent(10);
        assertThat(audit).hasSize(3);
        assertThat(audit)
                .allMatch(e -> e.action().equals("node: Status of the processes")
                        && e.outcome() == AuditEntry.Outcome.SUCCESS);
        assertThat(audit)
                .extracting(AuditEntry::target)
                .containsExactlyInAnyOrderElementsOf(
                        HOSTS.stream().map(h -> h.record().label()).toList());

        // the third host is slow now: cancel it alone
        HOSTS.get(2).host.sh("echo 300 > /tmp/fleet-delay");
        driver.click("#action-run-fleet");
        driver.waitFor(
                "the two quick nodes end while the slow one runs",
                60,
                () -> run(0).state().finished() && run(1).state().finished());
        assertThat(run(2).state()).isEqualTo(FleetNodeRun.State.RUNNING);
        driver.selectRow("#fleet-table", r -> ((FleetNodeRun) r).name().equals("COMP-2"));
        driver.click("#fleet-cancel-one");
        driver.waitFor("the slow node is cancelled", 30, () -> run(2).state().finished());
        assertThat(run(2).state()).isEqualTo(FleetNodeRun.State.CANCELLED);
        assertThat(run(0).state()).isEqualTo(FleetNodeRun.State.OK);
        assertThat(run(1).state()).isEqualTo(FleetNodeRun.State.OK);
        assertThat(context.nodes().fleet().runningProperty().get()).isFalse();
        List<AuditEntry> second = store.auditLog().recent(10).subList(0, 3);
        assertThat(second)
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.CANCELLED)
                .extracting(AuditEntry::target)
                .containsExactly(HOSTS.get(2).record().label());
        assertThat(second)
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.SUCCESS)
                .hasSize(2);
        assertThat(context.nodes().list().rows().stream()
                        .filter(r -> r.displayName().equals("COMP-2"))
                        .findFirst()
                        .orElseThrow()
                        .lastResultProperty()
                        .get())
                .isEqualTo("cancelled: Status of the processes");
    }
}
