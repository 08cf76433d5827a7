package org.slapdesk.testlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestLabTest {

    @Test
    void aTestHostIsReachableOverSshWithItsOwnKeyAndKeepsWritesToItself() throws Exception {
        String machineFstab = Files.readString(Path.of("/etc/fstab"));
        try (TestLab lab = TestLab.open();
                TestHost host = lab.startHost()) {
            String out = ssh(
                    host,
                    "hostname; id -u; echo data >> /etc/fstab; mkdir -p /data/data1; "
                            + "/root/.cache/slapdesk/slapos-venv/bin/slapos --version >/dev/null 2>&1 && echo venv-ok");
            assertThat(out).contains(host.name()).contains("\n0\n").contains("venv-ok");
            assertThat(host.sh("tail -1 /etc/fstab")).isEqualTo("data\n");
            // its /dev holds its own nodes: a chmod there does not reach this machine's
            String machineMode = run("stat", "-c", "%a", "/dev/loop-control");
            host.sh("chmod 606 /dev/loop-control");
            assertThat(run("stat", "-c", "%a", "/dev/loop-control")).isEqualTo(machineMode);
            assertThat(host.knownHostsLine()).isEqualTo(host.address() + " " + host.hostPublicKey());
            assertThat(Files.readString(host.knownHosts())).contains(host.knownHostsLine());
        }
        assertThat(Files.readString(Path.of("/etc/fstab"))).isEqualTo(machineFstab);
        assertThat(Path.of("/data/data1")).doesNotExist();
    }

    @Test
    void twoHostsAreIsolatedAndCloseRemovesMountsLoopDevicesNamespacesAndProcesses() throws Exception {
        String name;
        String loop;
        long nodePid;
        try (TestLab lab = TestLab.open()) {
            TestHost first = lab.startHost();
            TestHost second = lab.startHost();
            assertThat(first.address()).isNotEqualTo(second.address());
            first.sh("echo first > /etc/slapdesk-probe");
            assertThat(second.exec("cat", "/etc/slapdesk-probe").exitCode()).isNotZero();
            loop = first.newLoopDevice(16);
            first.sh("mkfs.ext2 -q -F " + loop + " && mkdir -p /data/data1 && mount " + loop + " /data/data1");
            assertThat(first.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(loop);
            assertThat(run("findmnt", "-n", "/data/data1")).isEmpty();
            name = first.name();
            nodePid = Long.parseLong(Files.readString(Path.of("/run/slapdesk-testlab", name, "nodepid"))
                    .trim());
            assertThat(ProcessHandle.of(nodePid)).isPresent();
        }
        assertThat(run("ip", "netns", "list")).doesNotContain(name + " ");
        assertThat(run("losetup", "-l", "-n", "-O", "NAME,BACK-FILE")).doesNotContain(name + "-disk");
        assertThat(ProcessHandle.of(nodePid)).isEmpty();
        assertThat(Path.of("/run/slapdesk-testlab", name)).doesNotExist();
    }

    @Test
    void aHostWhoseOwnerDiedIsSweptByTheNextLab() throws Exception {
        Process owner = new ProcessBuilder("sleep", "300").start();
        String name;
        try (TestLab lab = TestLab.open()) {
            TestLab.ScriptResult started = lab.run(List.of("start", "--owner", Long.toString(owner.pid())));
            assertThat(started.exitCode()).as(started.stderr()).isZero();
            name = started.stdout()
                    .lines()
                    .filter(l -> l.startsWith("NAME="))
                    .findFirst()
                    .orElseThrow()
                    .substring(5);
            assertThat(lab.run(List.of("loop", name, "8")).exitCode()).isZero();
        } finally {
            owner.destroyForcibly();
            owner.waitFor(5, TimeUnit.SECONDS);
        }
        // the owner is gone and the host was never stopped: the next lab removes it
        assertThat(Path.of("/run/slapdesk-testlab", name)).exists();
        try (TestLab lab = TestLab.open()) {
            assertThat(lab).isNotNull();
            assertThat(Path.of("/run/slapdesk-testlab", name)).doesNotExist();
            assertThat(run("losetup", "-l", "-n", "-O", "NAME,BACK-FILE")).doesNotContain(name + "-disk");
            assertThat(run("ip", "netns", "list")).doesNotContain(name + " ");
        }
    }

    @Test
    void aSystemdHostBootsItsOwnSystemdThatManagesUnitsAndLeavesThisMachineAlone() throws Exception {
        String machineSysctl = Files.readString(Path.of("/proc/sys/fs/protected_regular"));
        String name;
        long nodePid;
        Path cgroup;
        try (TestLab lab = TestLab.open();
                TestHost host = lab.startHost(HostOptions.withSystemd())) {
            assertThat(host.options().systemd()).isTrue();
            name = host.name();
            nodePid = Long.parseLong(Files.readString(Path.of("/run/slapdesk-testlab", name, "nodepid"))
                    .trim());
            cgroup = Path.of(Files.readString(Path.of("/run/slapdesk-testlab", name, "cgroup"))
                    .trim());
            assertThat(cgroup.resolve("init.scope"))
                    .as("its systemd's own cgroups, under the host's")
                    .isDirectory();

            assertThat(ssh(
                            host,
                            "systemctl is-system-running; cat /proc/1/comm; [ -d /run/systemd/system ] && echo booted"))
                    .isEqualTo("running\nsystemd\nbooted\n");
            host.writeFile(
                    "/etc/systemd/system/probe.service",
                    "[Service]\nExecStart=/bin/sleep 1000\nRestart=always\nRestartSec=1\n[Install]\nWantedBy=multi-user.target\n");
            assertThat(ssh(
                            host,
                            "systemctl daemon-reload && systemctl enable --now probe 2>/dev/null"
                                    + " && systemctl is-active probe && systemctl is-enabled probe"))
                    .isEqualTo("active\nenabled\n");
            String firstPid = ssh(host, "systemctl show -P MainPID probe").trim();
            ssh(host, "kill -9 " + firstPid);
            assertThat(ssh(
                            host,
                            "i=0; while [ $i -lt 50 ]; do p=$(systemctl show -P MainPID probe);"
                                    + " [ \"$p\" != 0 ] && [ \"$p\" != " + firstPid
                                    + " ] && echo restarted && exit; sleep 0.1; i=$((i+1)); done"))
                    .as("Restart=always brings the killed service back")
                    .isEqualTo("restarted\n");
            assertThat(
                            ssh(
                                    host,
                                    "systemctl disable --now probe 2>/dev/null; systemctl is-active probe; systemctl is-enabled probe; true"))
                    .isEqualTo("inactive\ndisabled\n");

            // this machine's kernel settings stay out of reach; the host's own network ones do not
            assertThat(host.exec("sh", "-c", "echo 0 > /proc/sys/fs/protected_regular")
                            .exitCode())
                    .isNotZero();
            host.sh("echo 1 > /proc/sys/net/ipv6/conf/eth0/forwarding");
            assertThat(host.sh("findmnt -n -o OPTIONS /sys").split(",")[0]).isEqualTo("ro");
        }
        assertThat(Files.readString(Path.of("/proc/sys/fs/protected_regular"))).isEqualTo(machineSysctl);
        assertThat(ProcessHandle.of(nodePid)).isEmpty();
        assertThat(cgroup).doesNotExist();
        assertThat(run("ip", "netns", "list")).doesNotContain(name + " ");
        assertThat(run("findmnt", "-n", "-o", "TARGET")).doesNotContain("/run/slapdesk-testlab/" + name);
        assertThat(Path.of("/run/slapdesk-testlab", name)).doesNotExist();
    }

    @Test
    void aSystemdHostWhoseOwnerDiedIsSweptWithEveryProcessOfItsCgroup() throws Exception {
        Process owner = new ProcessBuilder("sleep", "300").start();
        String name;
        Path cgroup;
        try (TestLab lab = TestLab.open()) {
            TestLab.ScriptResult started =
                    lab.run(List.of("start", "--owner", Long.toString(owner.pid()), "--systemd"));
            assertThat(started.exitCode()).as(started.stderr()).isZero();
            name = started.stdout()
                    .lines()
                    .filter(l -> l.startsWith("NAME="))
                    .findFirst()
                    .orElseThrow()
                    .substring(5);
            cgroup = Path.of(Files.readString(Path.of("/run/slapdesk-testlab", name, "cgroup"))
                    .trim());
        } finally {
            owner.destroyForcibly();
            owner.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(cgroup).exists();
        try (TestLab lab = TestLab.open()) {
            assertThat(lab).isNotNull();
            assertThat(cgroup).doesNotExist();
            assertThat(Path.of("/run/slapdesk-testlab", name)).doesNotExist();
            assertThat(run("ip", "netns", "list")).doesNotContain(name + " ");
        }
    }

    private static String ssh(TestHost host, String command) throws IOException, InterruptedException {
        return run(
                "ssh",
                "-i",
                host.clientKey().toString(),
                "-o",
                "UserKnownHostsFile=" + host.knownHosts(),
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "BatchMode=yes",
                "-p",
                Integer.toString(host.port()),
                host.user() + "@" + host.address(),
                command);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
