package org.slapdesk.remote.action.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.network.BridgeAction.Addressing;
import org.slapdesk.remote.action.network.BridgeAction.Style;
import org.slapdesk.remote.ssh.CancelToken;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.PassphrasePrompt;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.SlaposVenv;
import org.slapdesk.testlab.TestHost;

/**
 * The bridge switch for real on test hosts: one keeps its addresses and is confirmed over a
 * new SSH connection; on the other the seed's DHCP bridge (no DHCP server here) really cuts the
 * SSH path, and the node comes back on its old address by itself.
 */
class BridgeActionTest extends OnTestHost {

    private static final String CFG = "/etc/opt/slapos/slapos.cfg";

    private void slaposConfig(TestHost h) {
        h.sh("mkdir -p /etc/opt/slapos && cp " + SlaposVenv.require().root()
                + "/lib/python3*/site-packages/slapos/slapos.cfg.example " + CFG);
    }

    private static NodeConnection connect(TestHost h, Duration connectTimeout) throws org.slapdesk.remote.ssh.NodeException {
        return NodeConnection.open(target(h), new ConnectOptions(connectTimeout, Duration.ofSeconds(5),
                HostKeyPrompt.REFUSE, PassphrasePrompt.NONE));
    }

    @Test
    void genericBridgeKeepsTheAddressesAndIsConfirmedOverANewConnection() throws Exception {
        slaposConfig(host);
        BridgeAction action = new BridgeAction(Style.GENERIC, Addressing.KEEP_CURRENT, "eth0", "br0", CFG,
                Duration.ofSeconds(20), () -> connect(host, Duration.ofSeconds(3)));
        Plan plan = action.plan(node);
        assertThat(plan.preview()).contains("+brctl addbr br0").contains("+interface_name = br0").contains("+create_tap = true")
                .contains("arm the revert guard");
        new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancelToken.none());

        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(host.sh("ip -o addr show dev br0")).contains(host.address() + "/64").contains(host.address4() + "/24");
        assertThat(host.sh("grep -c 'slapdesk bridge br0' /etc/rc.local").trim()).isEqualTo("2");
        assertThat(host.sh("grep -E '^(interface_name|create_tap)' " + CFG)).isEqualTo("interface_name = br0\ncreate_tap = true\n");
        // confirmed: the guard is gone and the deadline passes without a revert
        assertThat(host.sh("ls /usr/local/sbin | grep -c slapdesk-network-revert || true").trim()).isEqualTo("0");
        Thread.sleep(21_000);
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        try (NodeConnection again = connect(host, Duration.ofSeconds(5))) {
            assertThat(again.run("hostname").stdout().trim()).isEqualTo(host.name());
        }
    }

    @Test
    void aBridgeThatCutsTheSshPathIsRevertedByTheNodeItself() throws Exception {
        TestHost cut = lab.startHost();
        slaposConfig(cut);
        String before = cut.sh("ip -o addr show dev eth0 scope global | awk '{print $4}' | sort; ip -o link show dev eth0 | grep -o 'master [^ ]*' || true")
                + snapshot(cut, "/etc/network", "/etc/opt/slapos", "/etc/rc.local", "/usr/local/sbin");
        NodeConnection connection = connect(cut, Duration.ofSeconds(3));
        // the seed's Debian bridge takes its address from DHCP, and no DHCP server answers here
        BridgeAction action = new BridgeAction(Style.DEBIAN, Addressing.DHCP, "eth0", "br0", CFG,
                Duration.ofSeconds(20), () -> connect(cut, Duration.ofSeconds(2)));
        Plan plan = action.plan(connection);
        assertThat(plan.preview()).contains("+iface br0 inet dhcp").contains("+    bridge_ports eth0").contains("+iface eth0 inet manual");
        long armed = System.nanoTime();
        assertThatThrownBy(() -> new PlanRunner(connection).apply(action, plan, ProgressListener.NONE, CancelToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("No answer from")
                .hasMessageContaining("restores its previous network and files by itself");
        // the switch did run (and "No answer" above: no new SSH connection got through)
        assertThat(cut.sh("ls /run | grep -c slapdesk-network-switched- || true").trim()).isEqualTo("1");

        long waitMs = Duration.ofSeconds(20 + 6).toMillis() - Duration.ofNanos(System.nanoTime() - armed).toMillis();
        Thread.sleep(Math.max(0, waitMs));
        try (NodeConnection back = connect(cut, Duration.ofSeconds(5))) {
            assertThat(back.run("hostname").stdout().trim()).isEqualTo(cut.name());
        }
        String after = cut.sh("ip -o addr show dev eth0 scope global | awk '{print $4}' | sort; ip -o link show dev eth0 | grep -o 'master [^ ]*' || true")
                + snapshot(cut, "/etc/network", "/etc/opt/slapos", "/etc/rc.local", "/usr/local/sbin");
        assertThat(after).isEqualTo(before);
        assertThat(cut.exec("ip", "link", "show", "dev", "br0").exitCode()).isNotZero();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new BridgeAction(Style.GENERIC, Addressing.KEEP_CURRENT, "eth0", "eth0", CFG,
                Duration.ofSeconds(30), () -> node)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BridgeAction(Style.GENERIC, Addressing.KEEP_CURRENT, "eth0", "br0", CFG,
                Duration.ofSeconds(2), () -> node)).isInstanceOf(InvalidInputException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new BridgeAction(Style.GENERIC, Addressing.KEEP_CURRENT, "eth0", "br 0", CFG,
                Duration.ofSeconds(30), () -> node)).isInstanceOf(InvalidInputException.class);
    }

    private static String snapshot(TestHost h, String... roots) {
        StringBuilder script = new StringBuilder();
        for (String root : roots) {
            script.append("find ").append(root).append(" \\( -type f -o -type d \\) -printf '%p %m\\n' 2>/dev/null | sort;")
                    .append(" find ").append(root).append(" -type f -exec md5sum {} + 2>/dev/null | sort;");
        }
        return h.sh(script.toString());
    }
}
