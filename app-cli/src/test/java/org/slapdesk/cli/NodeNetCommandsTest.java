package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/** {@code slapdesk node bridge / re6st / ha} run in-process against a real test host over SSH. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeNetCommandsTest {

    private TestLab lab;
    private TestHost host;

    @BeforeAll
    void start() {
        lab = TestLab.open();
        host = lab.startHost();
        host.sh("mkdir -p /etc/opt/slapos");
        FakeOm.install(host);
        host.writeFile(
                "/etc/opt/slapos/slapos.cfg",
                "[slapos]\ncomputer_id = COMP-1\n\n[slapformat]\ninterface_name = eth0\n");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--host",
                host.address(),
                "--key",
                host.clientKey().toString(),
                "--known-hosts",
                host.knownHosts().toString()));
        return CliRun.of(all);
    }

    @Test
    void haStatusAndSwitch() {
        CliRun status = run("node", "ha", "status", "slapos/svc/comp1", "-r");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("slapos/svc/comp1 up")
                .contains("  demo1 up (idle)")
                .contains("disk#3")
                .contains("[info: Primary]");

        CliRun moved = run("node", "ha", "switch", "slapos/svc/comp1", "--yes", "--wait", "10");
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("$ 'om' 'slapos/svc/comp1' 'switch'").contains("]:22: ok");
        assertThat(host.sh("cat /var/lib/fake-om/state")).isEqualTo("demo2\n");

        CliRun bad = run("node", "ha", "stop", "slapos/svc/comp1;reboot", "--yes");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not an OpenSVC path");
    }

    @Test
    void bridgeDryRunPrintsThePlanAndChangesNothing() {
        String before = host.sh("ip -o addr show scope global; cat /etc/opt/slapos/slapos.cfg; ls /etc/network /run");
        CliRun dry = run("node", "bridge", "--style", "debian", "--confirm-within", "30", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("Bridge br0 on eth0")
                .contains("+iface br0 inet dhcp")
                .contains("+interface_name = br0")
                .contains("confirm-or-revert")
                .contains("dry run: nothing was changed");
        assertThat(host.sh("ip -o addr show scope global; cat /etc/opt/slapos/slapos.cfg; ls /etc/network /run"))
                .isEqualTo(before);

        CliRun bad = run("node", "bridge", "--interface", "eth0;reboot", "--dry-run");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a network interface name");
    }

    @Test
    void re6stConfigReadsTheTokenFromAFileAndNeverPrintsIt(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "T0ken-of-re6st\n");
        String[] config = {
            "node",
            "re6st",
            "config",
            "--registry",
            "http://192.0.2.7:9201/",
            "--token-file",
            token.toString(),
            "--ip",
            "192.0.2.7",
            "--gateway",
            "--dry-run"
        };
        // without re6st-conf the certificate exchange cannot run: the plan stops before any change
        CliRun refused = run(config);
        assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out() + refused.err())
                .contains("re6st-conf")
                .contains("install re6st-node first (slapdesk node re6st install")
                .doesNotContain("re6st-install")
                .doesNotContain("T0ken-of-re6st");

        host.writeFile("/usr/local/bin/re6st-conf", "#!/bin/sh\nexit 1\n");
        host.sh("chmod 755 /usr/local/bin/re6st-conf");
        CliRun dry = run(config);
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("'--token' '********'")
                .contains("+ip 192.0.2.7")
                .contains("+gateway")
                .doesNotContain("T0ken-of-re6st");
        host.sh("rm -f /usr/local/bin/re6st-conf");

        CliRun status = run("node", "re6st", "status");
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("re6stnet: not installed");
    }
}
