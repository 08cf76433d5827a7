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
        try (TestLab lab = TestLab.open(); TestHost host = lab.startHost()) {
            String out = ssh(host, "hostname; id -u; echo data >> /etc/fstab; mkdir -p /data/data1; "
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
            nodePid = Long.parseLong(Files.readString(Path.of("/run/slapdesk-testlab", name, "nodepid")).trim());
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
            name = started.stdout().lines().filter(l -> l.startsWith("NAME=")).findFirst().orElseThrow().substring(5);
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

    private static String ssh(TestHost host, String command) throws IOException, InterruptedException {
        return run("ssh", "-i", host.clientKey().toString(), "-o", "UserKnownHostsFile=" + host.knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-p", Integer.toString(host.port()),
                host.user() + "@" + host.address(), command);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
