package org.slapdesk.remote.action.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/**
 * The bridge for real on a fresh test host each time, whose sshd listens on the addresses of
 * its eth0: moving them onto the bridge keeps the node reachable (confirmed); a bridge with
 * other addresses really cuts the SSH path, and the node must come back by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeActionTest {

    private static final Duration CONFIRM_WITHIN = Duration.ofSeconds(20);
    private static final String CFG = "/etc/opt/slapos/slapos.cfg";
    private static final String INTERFACES =
            """
            auto lo
            iface lo inet loopback

            allow-hotplug eth0
            iface eth0 inet dhcp
            """;
    private static final String SLAPOS_CFG =
            """
            [slapos]
            computer_id = COMP-1
            master_url = https://slap.example.com

            [slapformat]
            # the node's interface
            interface_name = eth0
            partition_amount = 3
            """;

    private TestLab lab;
    private TestHost host;
    private NodeConnection node;

    @BeforeAll
    void openLab() {
        lab = TestLab.open();
    }

    @AfterAll
    void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void freshHost() throws NodeException {
        host = lab.startHost();
        host.sh("mkdir -p /etc/network /etc/opt/slapos");
        host.writeFile("/etc/network/interfaces", INTERFACES);
        host.writeFile(CFG, SLAPOS_CFG);
        node = NodeConnection.open(OnTestHost.target(host), ConnectOptions.defaults());
    }

    @AfterEach
    void stopHost() {
        if (node != null) {
            node.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private Reconnect reconnect() {
        return Reconnect.to(OnTestHost.target(host), ConnectOptions.defaults(), Duration.ofSeconds(2));
    }

    @Test
    void debianBridgeConfirmedOverANewConnectionStaysAfterTheDeadline() throws Exception {
        BridgeAction action = new BridgeAction(
                BridgeSettings.debian("br0", "eth0", Addressing.dhcp()).withConfirmWithin(CONFIRM_WITHIN), reconnect());
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("write the revert guard")
                .contains("sleep 20")
                .contains("+iface eth0 inet manual")
                .contains("+auto br0")
                .contains("+iface br0 inet dhcp")
                .contains("+    bridge_ports eth0")
                .contains("-interface_name = eth0")
                .contains("+interface_name = br0")
                .contains("+create_tap = true")
                .contains("confirm-or-revert");
        Instant applied = Instant.now();
        ApplyResult result = new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
        assertThat(result.verification().isOk()).isTrue();
        assertThat(result.summary())
                .endsWith("br0 confirmed over a new SSH connection: the node keeps the new network");

        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(host.sh("ip -o addr show dev br0")).contains("100.64.").contains("fd00:5a:");
        assertThat(host.sh("ip -o addr show dev eth0 scope global")).isEmpty();
        assertThat(host.sh("ls /run/slapdesk")).isEqualTo("guard-br0.log\n");
        assertThat(host.sh("cat /run/slapdesk/guard-br0.log"))
                .contains("armed")
                .contains("confirm: the guard is removed")
                .doesNotContain("reverting:");

        // past the deadline nothing came back: the guard is gone, the new network and files stay
        sleepUntil(applied.plus(CONFIRM_WITHIN).plusSeconds(3));
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(host.sh("cat /etc/network/interfaces")).contains("iface br0 inet dhcp");
        assertThat(host.sh("grep -E '^(interface_name|create_tap)' " + CFG))
                .isEqualTo("interface_name = br0\ncreate_tap = true\n");
        assertThat(host.sh("cat /run/slapdesk/guard-br0.log")).doesNotContain("reverting:");
        assertThat(host.sh("ps -eo args | grep '[g]uard.sh arm' || true")).isEmpty();

        // a new connection through the bridge; a second plan finds nothing to do
        try (NodeConnection again = reconnect().open()) {
            assertThat(action.plan(again).isEmpty()).isTrue();
        }
    }

    @Test
    void aBridgeThatCutsTheSshPathIsPutBackByTheNodeItself() throws Exception {
        String filesBefore = files();
        String eth0Before = host.sh("ip -o addr show dev eth0 scope global; ip route; ip -6 route show dev eth0");
        // addresses nothing routes to: once switched, the console cannot get in any more
        Addressing elsewhere =
                new Addressing.Static(List.of("192.0.2.50/24"), Optional.of("192.0.2.1"), Optional.empty());
        BridgeAction action = new BridgeAction(
                BridgeSettings.debian("br0", "eth0", elsewhere).withConfirmWithin(CONFIRM_WITHIN), reconnect());
        Plan plan = action.plan(node);
        CompletableFuture<ApplyResult> apply = CompletableFuture.supplyAsync(() -> {
            try {
                return new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
            } catch (NodeException e) {
                throw new IllegalStateException(e);
            }
        });

        // while the console tries to get back in: the switch happened and sshd is out of reach
        Instant switched = waitForSwitch();
        Thread.sleep(1000);
        assertThat(host.sh("ip -o addr show dev br0")).contains("192.0.2.50/24");
        assertThat(host.sh("ip -o addr show dev eth0 scope global")).isEmpty();
        assertThat(tcpReachable(host.address(), host.port())).isFalse();
        assertThat(tcpReachable(host.address4(), host.port())).isFalse();

        assertThatThrownBy(() -> apply.get(CONFIRM_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .cause()
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("no new SSH connection")
                .hasMessageContaining("puts back its previous network and files by itself");
        assertThat(Instant.now()).isBefore(switched.plus(CONFIRM_WITHIN));

        // the node reverts by itself: a NEW connection gets in on the old address
        NodeConnection back = null;
        Instant giveUp = switched.plus(CONFIRM_WITHIN).plusSeconds(20);
        while (back == null && Instant.now().isBefore(giveUp)) {
            try {
                back = reconnect().open();
            } catch (NodeException e) {
                Thread.sleep(1000);
            }
        }
        assertThat(back)
                .as("a new SSH connection on the old address after the deadline")
                .isNotNull();
        try (NodeConnection again = back) {
            assertThat(Instant.now()).isAfter(switched.plus(CONFIRM_WITHIN));
            assertThat(again.run("ip -o link show dev br0 2>&1 || true").stdout())
                    .contains("does not exist");
        }
        assertThat(host.sh("ip -o addr show dev eth0 scope global; ip route; ip -6 route show dev eth0"))
                .isEqualTo(eth0Before);
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(host.sh("ls /run/slapdesk")).isEqualTo("guard-br0.log\n");
        assertThat(host.sh("cat /run/slapdesk/guard-br0.log"))
                .contains("reverting:")
                .contains("previous network put back");
    }

    @Test
    void theBridgeIsUndoneUnderConfirmOrRevertAndTheFilesComeBack() throws Exception {
        String network = host.sh("ip -o addr show dev eth0 scope global | awk '{print $4}' | sort");
        bridge();
        UnbridgeAction undo = new UnbridgeAction(
                UnbridgeSettings.debian("br0", "eth0").withConfirmWithin(CONFIRM_WITHIN), reconnect());
        Plan plan = undo.plan(node);
        assertThat(plan.preview())
                .contains("write the revert guard")
                .contains("-iface br0 inet dhcp")
                .contains("+iface eth0 inet dhcp")
                .contains("-interface_name = br0")
                .contains("+interface_name = eth0")
                .contains("+create_tap = false")
                .contains("confirm-or-revert");
        ApplyResult result = new PlanRunner(node).apply(undo, plan, ProgressListener.NONE, CancellationToken.none());

        assertThat(result.summary()).contains("br0 removed and confirmed over a new SSH connection");
        assertThat(host.sh("ip -o link show dev eth0")).doesNotContain("master");
        assertThat(host.exec("ip", "link", "show", "dev", "br0").exitCode()).isNotZero();
        assertThat(host.sh("ip -o addr show dev eth0 scope global | awk '{print $4}' | sort"))
                .isEqualTo(network);
        assertThat(host.sh("cat /etc/network/interfaces")).isEqualTo(INTERFACES);
        assertThat(host.sh("grep -E '^(interface_name|create_tap)' " + CFG))
                .isEqualTo("interface_name = eth0\ncreate_tap = false\n");
        assertThat(host.sh("cat /run/slapdesk/guard-unbridge-br0.log")).contains("confirm: the guard is removed");
        try (NodeConnection again = reconnect().open()) {
            assertThat(undo.plan(again).isEmpty()).isTrue();
        }
    }

    @Test
    void anUndoneBridgeThatIsNotConfirmedIsBuiltAgain() throws Exception {
        bridge();
        String bridged = files() + host.sh("ip -o addr show dev br0 scope global | awk '{print $4}' | sort");
        // the console never gets in over a new connection: the node must go back to its bridge
        Reconnect never = () -> {
            throw new NodeException("no route (test)");
        };
        UnbridgeAction undo =
                new UnbridgeAction(UnbridgeSettings.debian("br0", "eth0").withConfirmWithin(CONFIRM_WITHIN), never);
        assertThatThrownBy(() -> new PlanRunner(node)
                        .apply(undo, undo.plan(node), ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("no new SSH connection");
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(files() + host.sh("ip -o addr show dev br0 scope global | awk '{print $4}' | sort"))
                .isEqualTo(bridged);
        assertThat(host.sh("cat /run/slapdesk/guard-unbridge-br0.log")).contains("previous network put back");
    }

    private void bridge() throws Exception {
        BridgeAction action = new BridgeAction(
                BridgeSettings.debian("br0", "eth0", Addressing.dhcp()).withConfirmWithin(CONFIRM_WITHIN), reconnect());
        new PlanRunner(node).apply(action, action.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
    }

    @Test
    void genericBridgeKeepsTheCurrentAddressesInRcLocal() throws Exception {
        BridgeAction action = new BridgeAction(
                BridgeSettings.generic("br0", "eth0", Addressing.keepCurrent()).withConfirmWithin(CONFIRM_WITHIN),
                reconnect());
        Plan plan = action.plan(node);
        assertThat(plan.preview()).contains("+++ /etc/rc.local").contains("+ip addr replace '100.64.");
        new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(host.sh("stat -c %a /etc/rc.local")).isEqualTo("755\n");
        assertThat(host.sh("ls /run/slapdesk")).isEqualTo("guard-br0.log\n");
        // the rc.local block rebuilds the same network on a bridge-less host: run it where eth0 is reset
        host.sh("ip link del br0; ip addr flush dev eth0 scope global; sh /etc/rc.local");
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(host.sh("ip -o addr show dev br0")).contains("100.64.").contains("fd00:5a:");
        try (NodeConnection again = reconnect().open()) {
            assertThat(again.run("hostname").requireOk().stdout()).isEqualTo(host.name() + "\n");
        }
    }

    @Test
    void aPlanFailingBeforeTheSwitchDisarmsTheGuardAndLeavesTheNodeAsItWas() throws Exception {
        BridgeAction action = new BridgeAction(
                BridgeSettings.debian("br0", "eth0", Addressing.dhcp()).withConfirmWithin(CONFIRM_WITHIN), reconnect());
        Plan plan = action.plan(node);
        assertThat(plan.steps()).hasSize(6);
        // someone edits slapos.cfg between the plan and the apply: step 5 refuses to overwrite it
        host.sh("echo '# edited meanwhile' >> " + CFG);
        String before = files();
        String network = host.sh("ip -o addr show scope global; ip route; ip -6 route show dev eth0");
        assertThatThrownBy(
                        () -> new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("step 5 of 6")
                .hasMessageContaining("changed since the plan was made")
                .hasMessageContaining("Everything the plan changed was undone");
        assertThat(files()).isEqualTo(before);
        assertThat(host.sh("ip -o addr show scope global; ip route; ip -6 route show dev eth0"))
                .isEqualTo(network);
        assertThat(host.sh("ls -A /run/slapdesk")).isEqualTo("guard-br0.log\n");
        assertThat(host.sh("cat /run/slapdesk/guard-br0.log")).contains("disarm: the guard is removed");
        assertThat(host.sh("ps -eo args | grep '[g]uard.sh arm' || true")).isEmpty();
        assertThat(host.sh("ls /etc/network")).doesNotContain("slapdesk-");
    }

    @Test
    void nodeProblemsAreRefusedAtPlanTime() throws Exception {
        assertThatThrownBy(() -> new BridgeAction(BridgeSettings.debian("br0", "eth9", Addressing.dhcp()), reconnect())
                        .plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("no interface eth9");
        host.sh("ip link add br0 type bridge");
        assertThatThrownBy(() -> new BridgeAction(BridgeSettings.debian("br0", "eth0", Addressing.dhcp()), reconnect())
                        .plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("exists already");
    }

    private String files() {
        return host.sh("for f in /etc/network/interfaces " + CFG + " /etc/rc.local; do echo \"== $f\";"
                + " [ -e $f ] && stat -c '%a %u %g' $f && cat $f; done; true");
    }

    /** When the switch script finished (seen through the host's namespaces, not SSH). */
    private Instant waitForSwitch() throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(40);
        while (Instant.now().isBefore(giveUp)) {
            if (host.exec("test", "-e", "/run/slapdesk/guard-br0/switched").exitCode() == 0) {
                return Instant.now();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the network switch did not happen within 40 s");
    }

    private static boolean tcpReachable(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
