package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

/** `slapdesk node ...` against real test hosts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeCommandTest {

    private TestLab lab;
    private TestHost first;
    private TestHost second;

    @BeforeAll
    void hosts() throws Exception {
        lab = TestLab.open();
        first = lab.startHost();
        second = lab.startHost();
        // one key for both hosts, as an operator's hosts file assumes
        second.sh("cat >> /run/testlab/authorized_keys <<'EOF'\n"
                + Files.readString(Path.of(first.clientKey() + ".pub")) + "EOF");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun slapdesk(String... args) {
        return CliRun.of(args);
    }

    private List<String> on(TestHost host, String... args) {
        List<String> all = new ArrayList<>(List.of("node"));
        all.addAll(List.of(args));
        all.addAll(List.of(
                "--host",
                host.address(),
                "--key",
                host.clientKey().toString(),
                "--known-hosts",
                host.knownHosts().toString()));
        return all;
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothingThenYesApplies() {
        List<String> args = on(first, "lo-ipv6", "add", "--address", "fc01::7/32");
        CliRun dry = slapdesk(concat(args, "--dry-run"));
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("$ 'ip' '-6' 'addr' 'add' 'fc01::7/32' 'dev' 'lo'")
                .contains("dry run: nothing was changed");
        assertThat(first.sh("ip -6 addr show dev lo")).doesNotContain("fc01::7");

        CliRun asked = slapdesk(args.toArray(String[]::new));
        assertThat(asked.exit()).isEqualTo(3);
        assertThat(asked.err()).contains("run with --yes");
        assertThat(first.sh("ip -6 addr show dev lo")).doesNotContain("fc01::7");

        CliRun applied = slapdesk(concat(args, "--yes"));
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("step 1/1").contains(": ok");
        assertThat(first.sh("ip -6 addr show dev lo")).contains("fc01::7/32");

        assertThat(slapdesk(concat(args, "--yes")).out()).contains("nothing to do");
    }

    @Test
    void aHostsFileRunsOnEveryHostInParallelWithOneResultEach(@TempDir Path dir) throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "# two test hosts\nroot@[" + first.address() + "]:22\n" + second.address() + "\n");
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, first.knownHostsLine() + "\n" + second.knownHostsLine() + "\n");
        CliRun run = slapdesk(
                "node",
                "lo-ipv6",
                "add",
                "--address",
                "fc01::9/32",
                "--hosts-file",
                hosts.toString(),
                "--parallel",
                "2",
                "--key",
                first.clientKey().toString(),
                "--known-hosts",
                knownHosts.toString(),
                "--yes");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("root@[" + first.address() + "]:22: ok")
                .contains("root@[" + second.address() + "]:22: ok");
        assertThat(first.sh("ip -6 addr show dev lo")).contains("fc01::9/32");
        assertThat(second.sh("ip -6 addr show dev lo")).contains("fc01::9/32");
    }

    @Test
    void aQueryOnAHostsFileStartsHostsTogetherAndEndsWithOneResultLineEach(@TempDir Path dir) throws Exception {
        // a slow stand-in slapos that notes when it started: the first host answers, the second fails
        first.writeFile(
                "/usr/local/bin/slow-slapos",
                "#!/bin/sh\ndate +%s.%N > /tmp/slapos-started\nsleep 3\n"
                        + "echo 'slappart0:nginx   RUNNING   pid 7, uptime 0:00:09'\n");
        second.writeFile(
                "/usr/local/bin/slow-slapos",
                "#!/bin/sh\ndate +%s.%N > /tmp/slapos-started\nsleep 3\necho 'supervisor is down' >&2\nexit 2\n");
        first.sh("chmod +x /usr/local/bin/slow-slapos");
        second.sh("chmod +x /usr/local/bin/slow-slapos");
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, first.address() + "\n" + second.address() + "\n");
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, first.knownHostsLine() + "\n" + second.knownHostsLine() + "\n");

        CliRun run = slapdesk(
                "node",
                "status",
                "--slapos",
                "/usr/local/bin/slow-slapos",
                "--hosts-file",
                hosts.toString(),
                "--parallel",
                "2",
                "--key",
                first.clientKey().toString(),
                "--known-hosts",
                knownHosts.toString());

        double firstStart =
                Double.parseDouble(first.sh("cat /tmp/slapos-started").strip());
        double secondStart =
                Double.parseDouble(second.sh("cat /tmp/slapos-started").strip());
        assertThat(Math.abs(firstStart - secondStart)).as("starts overlap").isLessThan(2.0);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("slappart0:nginx")
                .containsPattern("root@\\[" + first.address() + "\\]:22: ok \\[\\d+\\.\\d s\\]")
                .containsPattern(
                        "root@\\[" + second.address() + "\\]:22: FAILED: .*supervisor is down.*\\[\\d+\\.\\d s\\]");
    }

    @Test
    void aForwardThatWillNotStartAtBootSaysSoInItsResult() {
        first.sh("ip addr add 10.0.97.157/32 dev eth0 && mkdir -p /srv/www && cd /srv/www &&"
                + " setsid -f python3 -m http.server --bind 10.0.97.157 8080 >/dev/null 2>&1; true");
        List<String> add = on(first, "forward", "add", "--listen", "9207", "--target", "10.0.97.157:8080");
        CliRun run = slapdesk(concat(add, "--yes"));
        try {
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out())
                    .containsPattern(
                            "root@\\[" + first.address() + "\\]:22: ok \\(WARNING: neither systemd nor cron.*\\)");
        } finally {
            slapdesk(concat(on(first, "forward", "remove", "--listen", "9207"), "--yes"));
        }
    }

    @Test
    void aForwardIsRemovedByItsListenPortAloneAndLeavesNoBackup() {
        first.sh("ip addr add 10.0.97.158/32 dev eth0 && mkdir -p /srv/www && cd /srv/www &&"
                + " setsid -f python3 -m http.server --bind 10.0.97.158 8080 >/dev/null 2>&1; true");
        CliRun added = slapdesk(
                concat(on(first, "forward", "add", "--listen", "9208", "--target", "10.0.97.158:8080"), "--yes"));
        assertThat(added.exit()).as(added.out() + added.err()).isZero();

        CliRun withTarget =
                slapdesk(concat(on(first, "forward", "remove", "--listen", "9208", "--target", "10.9.9.9:1"), "--yes"));
        assertThat(withTarget.exit()).isEqualTo(2);
        assertThat(withTarget.err()).contains("whatever its target");

        CliRun removed = slapdesk(concat(on(first, "forward", "remove", "--listen", "9208"), "--yes"));
        assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
        assertThat(removed.out()).contains("removes *:9208 -> 10.0.97.158:8080");
        assertThat(first.sh("ls /etc/cron.d /usr/local/sbin | grep slapdesk-socat-9208 || true"))
                .as("no file and no backup left")
                .isEmpty();
    }

    @Test
    void anExtraDiskIsAddedAloneThenRemovedByItsFolder() {
        second.sh(
                "mkdir -p /etc/opt/slapos && printf '[slapos]\\ncomputer_id = COMP-2\\n' > /etc/opt/slapos/slapos.cfg");
        String disk = second.newLoopDevice(16);
        second.sh("mkfs.ext2 -q -F " + disk);
        CliRun added = slapdesk(concat(on(second, "storage", "--device", disk, "--no-format"), "--yes"));
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        assertThat(second.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(disk);

        CliRun both = slapdesk(on(second, "storage", "remove", "--device", disk, "--mount", "/data/data1")
                .toArray(String[]::new));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");

        CliRun removed = slapdesk(concat(on(second, "storage", "remove", "--mount", "/data/data1"), "--yes"));
        assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
        assertThat(removed.out())
                .contains("unmount " + disk + " from /data/data1")
                .contains(": ok");
        assertThat(second.exec("findmnt", "/data/data1").exitCode()).isNotZero();
        assertThat(second.sh("cat /etc/fstab /etc/opt/slapos/slapos.cfg"))
                .doesNotContain("/data/data1")
                .doesNotContain("instance_storage_home");
    }

    @Test
    void aLogThatIsNotThereEndsNonZeroWithItsReason() {
        CliRun run = slapdesk(on(first, "logs", "/nonexistent").toArray(String[]::new));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: no log /nonexistent");
        first.writeFile("/var/log/present.log", "one\ntwo\n");
        CliRun present = slapdesk(on(first, "logs", "/var/log/present.log").toArray(String[]::new));
        assertThat(present.exit()).as(present.out() + present.err()).isZero();
        assertThat(present.out()).contains("one\ntwo\n");
    }

    @Test
    void theSshLibrarysLogIsQuietUnlessVerbose(@TempDir Path dir) throws Exception {
        List<String> args = on(first, "kvm", "--dry-run");
        args.set(
                args.indexOf(first.knownHosts().toString()),
                dir.resolve("empty").toString());
        String quiet = runMain(args);
        assertThat(quiet).contains("SHA256:").doesNotContain("net.schmizz").doesNotContain("INFO");
        args.add("--verbose");
        assertThat(runMain(args)).contains("net.schmizz");
    }

    /** The real entry point in its own JVM, where logging starts as it does for an operator: stderr. */
    private static String runMain(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlapdeskCommand.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return err;
    }

    @Test
    void registerNeedsTheMasterUrlsGiven() {
        CliRun run = slapdesk(
                on(first, "register", "COMP-9", "--token", "t0k3n", "--dry-run").toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--master-url").contains("--master-url-web");
        assertThat(run.out()).doesNotContain("slap.vifib.com");
    }

    @Test
    void badInputStopsBeforeConnecting() {
        CliRun run =
                slapdesk(on(first, "lo-ipv6", "add", "--device", "lo;reboot").toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not a network interface name");
        CliRun noHost = slapdesk("node", "kvm", "--dry-run");
        assertThat(noHost.exit()).isEqualTo(2);
        assertThat(noHost.err()).contains("--host H or --hosts-file F");
    }

    @Test
    void anUnknownHostKeyIsNotTrustedWithoutATerminal(@TempDir Path dir) {
        CliRun run = slapdesk(
                "node",
                "kvm",
                "--dry-run",
                "--host",
                first.address(),
                "--key",
                first.clientKey().toString(),
                "--known-hosts",
                dir.resolve("empty_known_hosts").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("SHA256:").contains("ssh-keyscan -p 22");
        assertThat(run.out()).contains("cannot plan");
    }

    @Test
    void aBracketedIpv6HostFindsItsKnownKey() {
        CliRun run = slapdesk(
                "node",
                "lo-ipv6",
                "add",
                "--dry-run",
                "--host",
                "[" + first.address() + "]",
                "--key",
                first.clientKey().toString(),
                "--known-hosts",
                first.knownHosts().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("dry run: nothing was changed");
    }

    @Test
    void aBracketedIpv6HostWithAnUnknownKeyIsShownAndCheckedBare(@TempDir Path dir) {
        CliRun run = slapdesk(
                "node",
                "kvm",
                "--dry-run",
                "--host",
                "[" + first.address() + "]:22",
                "--key",
                first.clientKey().toString(),
                "--known-hosts",
                dir.resolve("empty_known_hosts").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("ssh-keyscan -p 22 '" + first.address() + "' | ssh-keygen -lf -");
        assertThat(run.out())
                .contains("root@[" + first.address() + "]:22: cannot plan")
                .doesNotContain("[[");
    }

    @Test
    void aHostsFileLineThatIsNoHostStopsBeforeConnecting(@TempDir Path dir) throws Exception {
        for (String bad : List.of("bad;host", "-oProxyCommand=x", "fd00::zz::1")) {
            Path hosts = dir.resolve("hosts");
            Files.writeString(hosts, first.address() + "\n" + bad + "\n");
            CliRun run = slapdesk(
                    "node",
                    "kvm",
                    "--dry-run",
                    "--hosts-file",
                    hosts.toString(),
                    "--key",
                    first.clientKey().toString(),
                    "--known-hosts",
                    first.knownHosts().toString());
            assertThat(run.exit()).as(bad).isEqualTo(2);
            assertThat(run.err()).contains(hosts + " line 2: '" + bad + "'");
            assertThat(run.out()).doesNotContain("cannot plan").doesNotContain("dry run");
        }
        CliRun option = slapdesk("node", "kvm", "--dry-run", "--host=-oProxyCommand=x");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("--host: '-oProxyCommand=x'");
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
