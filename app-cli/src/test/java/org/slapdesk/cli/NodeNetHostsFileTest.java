package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/** `node bridge / re6st / ha` with --hosts-file and --parallel, on two real test hosts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeNetHostsFileTest {

    private static final String CFG = "/etc/opt/slapos/slapos.cfg";

    private TestLab lab;
    private TestHost first;
    private TestHost second;
    private Path hostsFile;
    private Path knownHosts;

    @BeforeAll
    void hosts(@TempDir Path dir) throws Exception {
        lab = TestLab.open();
        first = lab.startHost();
        second = lab.startHost();
        second.sh("cat >> /run/testlab/authorized_keys <<'EOF'\n"
                + Files.readString(Path.of(first.clientKey() + ".pub")) + "EOF");
        for (TestHost host : List.of(first, second)) {
            host.sh("mkdir -p /etc/network /etc/opt/slapos");
            FakeOm.install(host);
            host.writeFile(
                    "/etc/network/interfaces",
                    "auto lo\niface lo inet loopback\n\nallow-hotplug eth0\niface eth0 inet dhcp\n");
            host.writeFile(CFG, "[slapos]\ncomputer_id = COMP-1\n\n[slapformat]\ninterface_name = eth0\n");
        }
        hostsFile = dir.resolve("hosts");
        Files.writeString(hostsFile, "# two test hosts\nroot@[" + first.address() + "]:22\n" + second.address() + "\n");
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, first.knownHostsLine() + "\n" + second.knownHostsLine() + "\n");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun onBoth(String... args) {
        List<String> all = new ArrayList<>(List.of("node"));
        all.addAll(List.of(args));
        all.addAll(List.of(
                "--hosts-file",
                hostsFile.toString(),
                "--parallel",
                "2",
                "--key",
                first.clientKey().toString(),
                "--known-hosts",
                knownHosts.toString()));
        return CliRun.of(all);
    }

    private String display(TestHost host) {
        return "root@[" + host.address() + "]:22";
    }

    @Test
    @Order(1)
    void haReadsAndSwitchesOnEveryHost() {
        CliRun status = onBoth("ha", "status", "slapos/svc/comp1");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("== " + display(first)).contains("== " + display(second));
        assertThat(status.out().split("  demo1 up \\(idle\\)", -1)).hasSize(3);

        CliRun moved = onBoth("ha", "switch", "slapos/svc/comp1", "--wait", "10", "--yes");
        assertThat(moved.exit()).as(moved.out() + moved.err()).isZero();
        assertThat(moved.out()).contains(display(first) + ": ok").contains(display(second) + ": ok");
        assertThat(first.sh("cat /var/lib/fake-om/state")).isEqualTo("demo2\n");
        assertThat(second.sh("cat /var/lib/fake-om/state")).isEqualTo("demo2\n");
    }

    @Test
    @Order(2)
    void re6stStatusAnswersPerHostAndConfigPlansOnEach() {
        CliRun status = onBoth("re6st", "status");
        assertThat(status.exit()).as(status.err()).isEqualTo(3);
        assertThat(status.out()).contains("== " + display(first)).contains("== " + display(second));
        assertThat(status.out().split("re6stnet: not installed", -1)).hasSize(3);

        CliRun dry = onBoth("re6st", "config", "--registry", "http://192.0.2.7:9201/", "--gateway", "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out().split("\\+gateway", -1)).hasSize(3);
        assertThat(dry.out()).contains("dry run: nothing was changed");
    }

    @Test
    @Order(3)
    void bridgeOnTwoHostsEachConfirmsOverItsOwnNewConnection() {
        CliRun applied = onBoth("bridge", "--style", "debian", "--confirm-within", "30", "--yes");
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        for (TestHost host : List.of(first, second)) {
            assertThat(applied.out())
                    .contains(display(host) + ": ok (br0 confirmed over a new SSH connection: the node keeps the new"
                            + " network)");
            assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
            assertThat(host.sh("grep -E '^(interface_name|create_tap)' " + CFG))
                    .isEqualTo("interface_name = br0\ncreate_tap = true\n");
            assertThat(host.sh("cat /run/slapdesk/guard-br0.log"))
                    .contains("armed")
                    .contains("confirm: the guard is removed")
                    .doesNotContain("reverting:");
        }
    }

    @Test
    @Order(4)
    void unbridgeOnTwoHostsPutsEachBackAndConfirmsOverItsOwnNewConnection() {
        CliRun undone = onBoth("unbridge", "--confirm-within", "30", "--yes");
        assertThat(undone.exit()).as(undone.out() + undone.err()).isZero();
        for (TestHost host : List.of(first, second)) {
            assertThat(undone.out())
                    .contains(display(host) + ": ok (br0 removed and confirmed over a new SSH connection");
            assertThat(host.sh("ip -o link show dev eth0")).doesNotContain("master");
            assertThat(host.sh("cat /etc/network/interfaces"))
                    .contains("iface eth0 inet dhcp")
                    .doesNotContain("br0");
            assertThat(host.sh("grep -E '^(interface_name|create_tap)' " + CFG))
                    .isEqualTo("interface_name = eth0\ncreate_tap = false\n");
        }
    }
}
