package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.AuditEntry;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.MainWindow;
import org.slapdesk.gui.WindowDriver;
import org.slapdesk.gui.WindowOptions;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.nodes.action.ActionSpec;
import org.slapdesk.gui.nodes.action.WizardState;
import org.slapdesk.remote.action.slapos.NodeLogs;
import org.slapdesk.remote.action.slapos.ProcessState;
import org.slapdesk.testlab.TestHost;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, driving a real test host over SSH from the Nodes page: add the
 * node in the dialog, connect and trust its host key in the dialog, read the status, follow a
 * log, preview and apply a temporary IPv6 address (read back on the host), remove it, and see
 * a failing action's error with everything undone. Writes PNGs to target/screens.
 */
@ExtendWith(ApplicationExtension.class)
class NodesWindowTest {

    private static Path folder;
    private static NodeTestHost lab;
    private static String slapos;
    private AppStore store;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void startHost() throws Exception {
        folder = Files.createTempDirectory("slapdesk-nodes-window");
        lab = new NodeTestHost(folder);
        slapos = lab.instanceSupervisord();
    }

    @AfterAll
    static void stopHost() {
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.deleteIfExists(lab.knownHosts);
        Files.deleteIfExists(folder.resolve("slapdesk.db"));
        store = AppStore.open(folder.resolve("slapdesk.db"));
        context = new AppContext(
                List.of(MasterProfile.local()),
                profile -> new FakeMaster(),
                ActivityStore.NONE,
                NodeInventory.stored(store.knownNodes()),
                lab.environment());
        new MainWindow(context, null).show(stage, WindowOptions.parse(List.of("--view", "nodes")));
        // these tests work in the selected node's detail (wizard, logs): give it the room, as a user drags the divider
        context.nodes().listShareProperty().set(0.3);
        context.start(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        store.close();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Node.class) instanceof Label label
                ? label.getText()
                : robot.lookup(query).queryTextInputControl().getText();
    }

    private void tab(FxRobot robot, int index) {
        TabPane tabs = robot.lookup("#node-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }

    /** Sets the selected node's slapos command through its Edit dialog, as an operator would. */
    private void slaposCommand(WindowDriver driver, String command) throws Exception {
        driver.click("#node-edit");
        driver.fill("#node-slapos-command", command);
        driver.click("#node-save");
        driver.waitFor(
                "the node's slapos is " + command,
                20,
                () -> context.nodes()
                                .list()
                                .selectedProperty()
                                .get()
                                .record()
                                .slaposCommand()
                                .equals(command)
                        && store.knownNodes().list().get(0).slaposCommand().equals(command));
    }

    private void addAndConnect(FxRobot robot, WindowDriver driver) throws Exception {
        driver.click("#node-add");
        driver.fill("#node-host", lab.host.address());
        driver.fill("#node-port", "70000");
        assertThat(text(robot, "#node-problem")).isEqualTo("Port: port 70000 is outside 1-65535");
        assertThat(robot.lookup("#node-save").query().isDisabled()).isTrue();
        driver.fill("#node-port", Integer.toString(lab.host.port()));
        driver.fill("#node-key", lab.host.clientKey().toString());
        assertThat(text(robot, "#node-problem")).isEmpty();
        driver.click("#node-save");
        driver.waitFor(
                "the node is listed and kept",
                20,
                () -> context.nodes().list().rows().size() == 1
                        && store.knownNodes().list().size() == 1);
        driver.waitFor(
                "the node is selected",
                10,
                () -> context.nodes().list().selectedProperty().get() != null);

        driver.click("#node-connect");
        driver.waitFor("the host key dialog", 30, () -> !robot.lookup("#hostkey-fingerprint")
                .queryAll()
                .isEmpty());
        assertThat(text(robot, "#hostkey-fingerprint")).isEqualTo(lab.fingerprint());
        assertThat(text(robot, "#hostkey-type")).isEqualTo("ssh-ed25519");
        assertThat(text(robot, "#hostkey-command"))
                .isEqualTo("ssh-keyscan -p " + lab.host.port() + " '" + lab.host.address() + "' | ssh-keygen -lf -");
        driver.snapshotWindowOf("#hostkey-fingerprint", "nodes-hostkey-dialog");
        driver.click("#hostkey-trust");
        driver.waitFor(
                "connected",
                30,
                () -> context.nodes().list().rows().get(0).linkProperty().get() == NodeRow.Link.CONNECTED);
        assertThat(store.knownNodes().list().get(0).hostKeyFingerprint()).contains(lab.fingerprint());
    }

    @Test
    void twoNamedNodesEachWithItsOwnSlapos(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        store.knownNodes().save(lab.record().withName("COMP-0 paris").withSlapos(slapos, "/etc/opt/slapos/slapos.cfg"));
        store.knownNodes()
                .save(KnownNodeRecord.of("127.0.0.1", 2222, "slapos")
                        .withName("COMP-1 lille")
                        .withSlapos("slapos", "/srv/slapos/slapos.cfg"));
        store.knownNodes()
                .recordLastResult(
                        "127.0.0.1",
                        2222,
                        "slapos",
                        new KnownNodeRecord.LastResult("ok: Format the node", Instant.parse("2026-11-23T09:15:00Z")));
        robot.interact(context.nodes().list()::load);
        driver.waitFor(
                "both nodes are listed", 20, () -> context.nodes().list().rows().size() == 2);
        NodeRow lille = context.nodes().list().rows().stream()
                .filter(r -> r.displayName().equals("COMP-1 lille"))
                .findFirst()
                .orElseThrow();
        assertThat(lille.lastResultProperty().get()).isEqualTo("ok: Format the node");
        NodeRow paris = context.nodes().list().rows().stream()
                .filter(r -> r.displayName().equals("COMP-0 paris"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> context.nodes().list().selectedProperty().set(paris));
        assertThat(text(robot, "#node-slapos-where"))
                .contains("COMP-0 paris")
                .contains(slapos + " --cfg /etc/opt/slapos/slapos.cfg");

        driver.click("#node-connect");
        driver.waitFor("the host key question", 30, () -> robot.lookup("#hostkey-trust")
                .tryQuery()
                .isPresent());
        driver.click("#hostkey-trust");
        driver.waitFor("connected", 30, () -> paris.linkProperty().get() == NodeRow.Link.CONNECTED);
        tab(robot, 0);
        driver.click("#status-refresh");
        driver.waitFor(
                "the processes, read with the node's own slapos",
                30,
                () -> context.nodes().status().processes().size() >= 2);
        driver.snapshot("nodes-two-named");

        driver.click("#node-edit");
        assertThat(text(robot, "#node-name")).isEqualTo("COMP-0 paris");
        assertThat(text(robot, "#node-slapos-command")).isEqualTo(slapos);
        driver.snapshotWindowOf("#node-name", "nodes-edit-dialog");
        driver.fill("#node-name", "COMP-0 paris (renamed)");
        driver.click("#node-save");
        driver.waitFor("renamed and kept", 20, () -> store.knownNodes()
                .find(lab.host.address(), lab.host.port(), "root")
                .orElseThrow()
                .name()
                .equals("COMP-0 paris (renamed)"));
        assertThat(paris.linkProperty().get()).isEqualTo(NodeRow.Link.CONNECTED);
        assertThat(text(robot, "#node-slapos-where")).startsWith("On COMP-0 paris (renamed): ");
    }

    @Test
    void addConnectStatusLogsApplyAndAFailureFromTheWindow(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        addAndConnect(robot, driver);

        // status, as a table of typed states
        slaposCommand(driver, slapos);
        tab(robot, 0);
        driver.click("#status-refresh");
        driver.waitFor(
                "the processes are listed",
                30,
                () -> context.nodes().status().processes().size() >= 2);
        assertThat(context.nodes().status().processes()).anySatisfy(p -> {
            assertThat(p.fullName()).isEqualTo("slappart0:sleeper-on-watch");
            assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        });
        driver.snapshot("nodes-status");

        // the software log, followed as it grows, until Stop
        lab.host.writeFile(NodeLogs.SOFTWARE_LOG, "first line\nsecond line\n");
        tab(robot, 1);
        driver.click("#log-follow");
        TextArea log = robot.lookup("#log-text").queryAs(TextArea.class);
        driver.waitFor("the log's last lines", 30, () -> log.getText().contains("second line"));
        lab.host.sh("echo a new line >> " + NodeLogs.SOFTWARE_LOG);
        driver.waitFor("the new line is followed", 30, () -> log.getText().contains("a new line"));
        driver.click("#log-stop");
        driver.waitFor(
                "following stopped",
                10,
                () -> !context.nodes().logs().followingProperty().get());
        driver.waitFor(
                "tail is gone from the host",
                20,
                () -> lab.host.exec("pgrep", "-f", "tail -n 200 -F").exitCode() == 1);

        // the wizard: a temporary IPv6 address, previewed, applied, read back on the host
        tab(robot, 2);
        choose(robot, "lo-ipv6");
        driver.fill("#field-address", "fc01::1");
        assertThat(text(robot, "#action-problem")).isEqualTo("'fc01::1' needs a prefix length, e.g. fc01::1/32");
        assertThat(robot.lookup("#action-preview").query().isDisabled()).isTrue();
        driver.fill("#field-address", "fc01::1/32");
        driver.click("#action-preview");
        driver.waitFor(
                "the plan", 30, () -> context.nodes().wizard().stateProperty().get() == WizardState.PREVIEW);
        assertThat(text(robot, "#action-plan")).contains("$ 'ip' '-6' 'addr' 'add' 'fc01::1/32' 'dev' 'lo'");
        driver.snapshot("nodes-plan");
        driver.click("#action-apply");
        driver.waitFor(
                "applied", 60, () -> context.nodes().wizard().stateProperty().get() == WizardState.SUCCEEDED);
        assertThat(text(robot, "#action-result"))
                .isEqualTo("Applied and verified: Add temporary IPv6 fc01::1/32 on lo");
        assertThat(lab.host.sh("ip -6 -o addr show dev lo")).contains("inet6 fc01::1/32");
        driver.snapshot("nodes-applied");

        robot.interact(
                () -> robot.lookup("#field-operation").queryAs(ComboBox.class).setValue("remove"));
        driver.click("#action-preview");
        driver.waitFor(
                "the removal plan",
                30,
                () -> context.nodes().wizard().stateProperty().get() == WizardState.PREVIEW);
        driver.click("#action-apply");
        driver.waitFor(
                "removed", 60, () -> context.nodes().wizard().stateProperty().get() == WizardState.SUCCEEDED);
        assertThat(lab.host.sh("ip -6 -o addr show dev lo")).doesNotContain("fc01::1/32");

        // a failing action: its error, and the file it edited put back
        String cfgBefore = lab.host.sh("cat /etc/opt/slapos/slapos.cfg");
        // a slapos that is there (preflight passes) but fails: format fails after slapos.cfg was changed
        slaposCommand(driver, "false");
        choose(robot, "repurpose");
        driver.fill("#field-partitions", "4");
        driver.click("#action-preview");
        driver.waitFor(
                "the repurpose plan",
                30,
                () -> context.nodes().wizard().stateProperty().get() == WizardState.PREVIEW);
        driver.click("#action-apply");
        driver.waitFor(
                "failed", 60, () -> context.nodes().wizard().stateProperty().get() == WizardState.FAILED);
        assertThat(text(robot, "#action-result"))
                .contains("failed at step 2 of 2")
                .endsWith("Everything the plan changed was undone.");
        assertThat(lab.host.sh("cat /etc/opt/slapos/slapos.cfg")).isEqualTo(cfgBefore);
        assertThat(context.notifications().active())
                .anySatisfy(n -> assertThat(n.message()).contains("undone"));
        driver.snapshot("nodes-failed");

        // Cancel during an apply: the running command is stopped and the edited file put back
        lab.host.writeFile("/tmp/slow-slapos", "#!/bin/sh\nsleep 300\n");
        lab.host.sh("chmod 755 /tmp/slow-slapos");
        slaposCommand(driver, "/tmp/slow-slapos");
        driver.fill("#field-partitions", "6");
        driver.click("#action-preview");
        driver.waitFor(
                "the plan with the slow format",
                30,
                () -> context.nodes().wizard().stateProperty().get() == WizardState.PREVIEW);
        driver.click("#action-apply");
        driver.waitFor(
                "the slow format runs on the node",
                30,
                () -> lab.host.exec("pgrep", "-f", "sleep 300").exitCode() == 0);
        assertThat(lab.host.sh("cat /etc/opt/slapos/slapos.cfg")).contains("partition_amount = 6");
        driver.click("#action-cancel");
        driver.waitFor(
                "cancelled and rolled back",
                60,
                () -> context.nodes().wizard().stateProperty().get() == WizardState.FAILED);
        assertThat(text(robot, "#action-result")).endsWith("Everything the plan changed was undone.");
        assertThat(lab.host.sh("cat /etc/opt/slapos/slapos.cfg")).isEqualTo(cfgBefore);
        driver.waitFor(
                "the command is gone from the node",
                20,
                () -> lab.host.exec("pgrep", "-f", "sleep 300").exitCode() == 1);

        assertThat(context.activity().entries())
                .extracting(e -> e.action() + " " + e.outcome())
                .containsExactly(
                        "node: Repurpose the node to 6 partitions " + AuditEntry.Outcome.FAILURE,
                        "node: Repurpose the node to 4 partitions " + AuditEntry.Outcome.FAILURE,
                        "node: Remove temporary IPv6 fc01::1/32 on lo " + AuditEntry.Outcome.SUCCESS,
                        "node: Add temporary IPv6 fc01::1/32 on lo " + AuditEntry.Outcome.SUCCESS);
        assertThat(context.nodes().list().rows().get(0).lastResultProperty().get())
                .isEqualTo("FAILED: Repurpose the node to 6 partitions");
    }

    @Test
    void refusingTheHostKeyLeavesTheNodeOfflineWithAPersistentError(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        driver.click("#node-add");
        driver.fill("#node-host", lab.host.address());
        driver.fill("#node-port", Integer.toString(lab.host.port()));
        driver.fill("#node-key", lab.host.clientKey().toString());
        driver.click("#node-save");
        driver.waitFor(
                "the node is listed",
                20,
                () -> context.nodes().list().rows().size() == 1
                        && context.nodes().list().selectedProperty().get() != null);
        driver.click("#node-connect");
        driver.waitFor("the host key dialog", 30, () -> !robot.lookup("#hostkey-refuse")
                .queryAll()
                .isEmpty());
        driver.click("#hostkey-refuse");
        driver.waitFor("the error", 30, () -> !context.notifications().active().isEmpty());
        assertThat(context.notifications().active().get(0).message()).contains("was not accepted");
        assertThat(context.nodes().list().rows().get(0).linkProperty().get()).isEqualTo(NodeRow.Link.OFFLINE);
        assertThat(lab.knownHosts).doesNotExist();
    }

    @Test
    void anEncryptedKeyAsksForItsPassphraseInADialog(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        Path key = folder.resolve("id_enc");
        Files.deleteIfExists(key);
        Files.deleteIfExists(folder.resolve("id_enc.pub"));
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "window phrase", "-f", key.toString())
                .start()
                .waitFor();
        lab.host.sh("cat >> /run/testlab/authorized_keys <<'EOF'\n" + Files.readString(folder.resolve("id_enc.pub"))
                + "EOF");
        driver.click("#node-add");
        driver.fill("#node-host", lab.host.address());
        driver.fill("#node-port", Integer.toString(lab.host.port()));
        driver.fill("#node-key", key.toString());
        driver.click("#node-save");
        driver.waitFor(
                "the node is listed",
                20,
                () -> context.nodes().list().rows().size() == 1
                        && context.nodes().list().selectedProperty().get() != null);
        driver.click("#node-connect");
        driver.waitFor("the host key dialog", 30, () -> !robot.lookup("#hostkey-trust")
                .queryAll()
                .isEmpty());
        driver.click("#hostkey-trust");
        driver.waitFor("the passphrase dialog", 30, () -> !robot.lookup("#passphrase")
                .queryAll()
                .isEmpty());
        driver.fill("#passphrase", "window phrase");
        driver.click("#passphrase-unlock");
        driver.waitFor(
                "connected",
                30,
                () -> context.nodes().list().rows().get(0).linkProperty().get() == NodeRow.Link.CONNECTED);
        assertThat(context.notifications().active()).isEmpty();
    }

    @Test
    void cancelFreesTheNodeAtOnceWhileTheNetworkStillWaits(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        // a loopback server that accepts and never speaks SSH: the connection hangs until its timeout
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            driver.click("#node-add");
            driver.fill("#node-host", "127.0.0.1");
            driver.fill("#node-port", Integer.toString(silent.getLocalPort()));
            driver.click("#node-save");
            driver.waitFor(
                    "the node is listed",
                    20,
                    () -> context.nodes().list().selectedProperty().get() != null);
            driver.click("#node-connect");
            driver.waitFor(
                    "connecting, with its Cancel",
                    10,
                    () -> robot.lookup("#node-connect-cancel").query().isVisible() && !accepted.isEmpty());
            assertThat(context.nodes().list().rows().get(0).linkProperty().get())
                    .isEqualTo(NodeRow.Link.CONNECTING);
            driver.snapshot("nodes-connecting");
            long clicked = System.nanoTime();
            driver.click("#node-connect-cancel");
            driver.waitFor(
                    "the node is free again",
                    5,
                    () -> context.nodes().list().rows().get(0).linkProperty().get() == NodeRow.Link.OFFLINE);
            assertThat(Duration.ofNanos(System.nanoTime() - clicked)).isLessThan(Duration.ofSeconds(3));
            assertThat(context.nodes().list().rows().get(0).lastResultProperty().get())
                    .isEqualTo("connection cancelled");
            assertThat(robot.lookup("#node-connect").query().isDisabled())
                    .as("Connect can be pressed again")
                    .isFalse();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void theBridgeShowsItsCountdownAndIsConfirmedAfterTheConsoleGetsBackIn(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(robot, stage);
        try (TestHost bridged = lab.lab.startHost()) {
            bridged.sh("mkdir -p /etc/network /etc/opt/slapos");
            bridged.writeFile(
                    "/etc/network/interfaces",
                    "auto lo\niface lo inet loopback\n\nallow-hotplug eth0\niface eth0 inet dhcp\n");
            bridged.writeFile(
                    "/etc/opt/slapos/slapos.cfg",
                    "[slapos]\ncomputer_id = COMP-1\nmaster_url = https://slap.example.com\n\n"
                            + "[slapformat]\ninterface_name = eth0\npartition_amount = 3\n");
            driver.click("#node-add");
            driver.fill("#node-host", bridged.address());
            driver.fill("#node-port", Integer.toString(bridged.port()));
            driver.fill("#node-key", bridged.clientKey().toString());
            driver.click("#node-save");
            driver.waitFor(
                    "the node is listed",
                    20,
                    () -> context.nodes().list().selectedProperty().get() != null);
            driver.click("#node-connect");
            driver.waitFor("the host key dialog", 30, () -> !robot.lookup("#hostkey-trust")
                    .queryAll()
                    .isEmpty());
            driver.click("#hostkey-trust");
            driver.waitFor(
                    "connected",
                    30,
                    () -> context.nodes().list().rows().get(0).linkProperty().get() == NodeRow.Link.CONNECTED);

            tab(robot, 2);
            choose(robot, "bridge");
            driver.fill("#field-confirm", "30");
            driver.click("#action-preview");
            driver.waitFor(
                    "the bridge plan",
                    30,
                    () -> context.nodes().wizard().stateProperty().get() == WizardState.PREVIEW);
            assertThat(text(robot, "#action-plan"))
                    .contains("confirm-or-revert")
                    .contains("+iface br0 inet dhcp");
            driver.click("#action-apply");
            driver.waitFor("the countdown", 60, () -> robot.lookup("#revert-countdown")
                    .query()
                    .isVisible());
            assertThat(text(robot, "#revert-countdown"))
                    .matches(
                            "Confirm-or-revert: the node puts its previous network back in \\d+ s unless the console gets in again.*");
            driver.snapshot("nodes-bridge-countdown");
            driver.waitFor(
                    "confirmed",
                    60,
                    () -> context.nodes().wizard().stateProperty().get().ordinal() >= WizardState.SUCCEEDED.ordinal());
            assertThat(text(robot, "#action-result"))
                    .startsWith("Applied and verified: Bridge br0 on eth0")
                    .contains("br0 confirmed over a new SSH connection: the node keeps the new network");
            assertThat(robot.lookup("#revert-countdown").query().isVisible()).isFalse();
            assertThat(bridged.sh("ip -o link show dev eth0")).contains("master br0");
        }
    }

    private static void choose(FxRobot robot, String id) {
        @SuppressWarnings("unchecked")
        ComboBox<ActionSpec> choice = robot.lookup("#action-choice").queryAs(ComboBox.class);
        robot.interact(() -> choice.setValue(choice.getItems().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
