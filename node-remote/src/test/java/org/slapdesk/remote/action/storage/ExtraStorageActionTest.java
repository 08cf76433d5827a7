package org.slapdesk.remote.action.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.RealSlapproxy;
import org.slapdesk.testlab.SlaposVenv;

/** Two loop devices as SSDs on a test host, the real `slapos node format` against a real slapproxy. */
class ExtraStorageActionTest extends OnTestHost {

    @TempDir
    static Path proxyFolder;

    private RealSlapproxy proxy;
    private SlaposNode slapos;

    @BeforeAll
    void nodeWithTwoPartitions() {
        SlaposVenv venv = SlaposVenv.require();
        proxy = RealSlapproxy.start(proxyFolder, host.hostSideAddress(), "");
        slapos = new SlaposNode(venv.slapos().toString(), "/etc/opt/slapos/slapos.cfg");
        host.sh("mkdir -p /etc/opt/slapos /opt/slapos");
        host.writeFile(
                "/etc/opt/slapos/slapos.cfg",
                String.join(
                        "\n",
                        "[slapos]",
                        "master_url = " + proxy.url(),
                        "computer_id = " + RealSlapproxy.DEFAULT_COMPUTER,
                        "software_root = /opt/slapgrid",
                        "instance_root = /srv/slapgrid",
                        "",
                        "[slapformat]",
                        "interface_name = eth0",
                        "ipv4_local_network = 10.0.0.0/16",
                        "partition_amount = 2",
                        "create_tap = false",
                        "computer_xml = /opt/slapos/slapos.xml",
                        "partition_base_name = slappart",
                        "user_base_name = slapuser",
                        "tap_base_name = slaptap",
                        "alter_user = true",
                        ""));
    }

    @AfterAll
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void mountsByUuidSetsStorageHomeFormatsAndSurvivesARemount() throws Exception {
        String sdb = host.newLoopDevice(24);
        String sdc = host.newLoopDevice(24);
        host.sh("mkfs.ext2 -q -F " + sdb + " && mkfs.ext2 -q -F " + sdc);
        String uuidB = host.sh("blkid -s UUID -o value " + sdb).trim();
        String fstabBefore = host.sh("cat /etc/fstab");

        ExtraStorageAction action = new ExtraStorageAction(slapos, List.of(sdb, sdc), "/data", true);
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("+UUID=" + uuidB + " /data/data1 ext2 defaults 0 2")
                .contains("+instance_storage_home = /data")
                .contains("'node' 'format'");
        ApplyResult result = new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());

        assertThat(host.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(sdb);
        assertThat(host.sh("findmnt -n -o SOURCE /data/data2").trim()).isEqualTo(sdc);
        assertThat(host.sh("ls /data/data1 /data/data2")).contains("slappart0", "slappart1");
        // (each partition's DATA folder of links is made later, by `slapos node instance`)
        assertThat(result.backups()).anyMatch(b -> b.startsWith("/etc/fstab.slapdesk-"));
        assertThat(host.sh("cat "
                        + result.backups().stream()
                                .filter(b -> b.startsWith("/etc/fstab"))
                                .findFirst()
                                .orElseThrow()))
                .isEqualTo(fstabBefore);

        // idempotent: a second run plans nothing and makes no new backup
        assertThat(action.plan(node).isEmpty()).isTrue();
        // reboot stand-in: unmount both, then mount -a brings them back by UUID
        host.sh("umount /data/data1 /data/data2 && mount -a");
        assertThat(host.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(sdb);
        assertThat(host.sh("ls /data/data2")).contains("slappart1");
        assertThat(host.sh("grep -c 'UUID=" + uuidB + "' /etc/fstab").trim()).isEqualTo("1");
        // nothing of this reached this machine
        assertThat(Files.exists(Path.of("/data/data1"))).isFalse();
    }

    @Test
    void aDiskWithoutFileSystemOrABadDeviceIsRefusedBeforeAnythingRuns() throws Exception {
        String blank = host.newLoopDevice(8);
        assertThatThrownBy(() -> new ExtraStorageAction(slapos, List.of(blank), "/data2", false).plan(node))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no file system");
        assertThatThrownBy(
                        () -> new ExtraStorageAction(slapos, List.of("/dev/nonexistent9"), "/data2", false).plan(node))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a block device");
        assertThatThrownBy(() -> new ExtraStorageAction(slapos, List.of("/dev/sdb1; rm -rf /"), "/data2", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("device path");
        assertThatThrownBy(() -> new ExtraStorageAction(slapos, List.of("/dev/sdb1"), "/", false))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFailureMidwayLeavesFstabMountsAndConfigAsTheyWere() throws Exception {
        String disk = host.newLoopDevice(16);
        host.sh("mkfs.ext2 -q -F " + disk);
        String before = snapshot("/etc/fstab", "/etc/opt/slapos")
                + host.sh("findmnt -rn -o TARGET | sort; ls -d /data3 2>&1 || true");
        // a slapos command that fails, so format (the last step) fails after mkdir, mount, fstab and slapos.cfg
        SlaposNode broken = new SlaposNode("false", "/etc/opt/slapos/slapos.cfg");
        ExtraStorageAction action = new ExtraStorageAction(broken, List.of(disk), "/data3", true);
        assertThatThrownBy(() -> new PlanRunner(node)
                        .apply(action, action.plan(node), ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("Everything the plan changed was undone");
        assertThat(snapshot("/etc/fstab", "/etc/opt/slapos")
                        + host.sh("findmnt -rn -o TARGET | sort; ls -d /data3 2>&1 || true"))
                .isEqualTo(before);
    }

    @Test
    void withoutSlaposOnTheNodeThePlanFailsBeforeAnyChange() throws Exception {
        String disk = host.newLoopDevice(16);
        host.sh("mkfs.ext2 -q -F " + disk);
        String before = snapshot("/etc/fstab", "/etc/opt/slapos") + host.sh("findmnt -rn -o TARGET | sort");
        // the test host has no slapos in its PATH (the real one is in a virtualenv)
        ExtraStorageAction action = new ExtraStorageAction(
                new SlaposNode("slapos", "/etc/opt/slapos/slapos.cfg"), List.of(disk), "/data8", true);
        assertThatThrownBy(() -> action.plan(node))
                .isInstanceOf(Preflight.MissingProgramException.class)
                .hasMessageContaining(
                        "slapos is not installed on " + node.target().display())
                .hasMessageContaining("pip install slapos.core or the slapos-node package");
        assertThat(snapshot("/etc/fstab", "/etc/opt/slapos") + host.sh("findmnt -rn -o TARGET | sort"))
                .isEqualTo(before);
        assertThat(host.exec("test", "-e", "/data8").exitCode()).isNotZero();
    }

    @Test
    void aDiskAddedLaterGoesOnTheNextFreeDataFolderAndTheEarlierOnesStayAsTheyAre() throws Exception {
        String first = host.newLoopDevice(16);
        String second = host.newLoopDevice(16);
        String third = host.newLoopDevice(16);
        host.sh("for d in " + first + " " + second + " " + third + "; do mkfs.ext2 -q -F $d; done");
        String uuidFirst = host.sh("blkid -s UUID -o value " + first).trim();
        String uuidSecond = host.sh("blkid -s UUID -o value " + second).trim();
        apply(new ExtraStorageAction(slapos, List.of(first), "/data5", false));
        String configAfterFirst = host.sh("cat /etc/opt/slapos/slapos.cfg");

        ExtraStorageAction later = new ExtraStorageAction(slapos, List.of(second), "/data5", false);
        assertThat(later.plan(node).preview())
                .contains("+UUID=" + uuidSecond + " /data5/data2 ext2")
                .doesNotContain("instance_storage_home");
        apply(later);

        assertThat(host.sh("findmnt -n -o SOURCE /data5/data1").trim()).isEqualTo(first);
        assertThat(host.sh("findmnt -n -o SOURCE /data5/data2").trim()).isEqualTo(second);
        assertThat(host.sh("grep /data5/ /etc/fstab"))
                .isEqualTo("UUID=" + uuidFirst + " /data5/data1 ext2 defaults 0 2\n" + "UUID=" + uuidSecond
                        + " /data5/data2 ext2 defaults 0 2\n");
        assertThat(host.sh("cat /etc/opt/slapos/slapos.cfg")).isEqualTo(configAfterFirst);

        // an earlier disk given again with a new one stays where it is; the new one takes data3
        apply(new ExtraStorageAction(slapos, List.of(first, third), "/data5", false));
        assertThat(host.sh("findmnt -n -o SOURCE /data5/data1").trim()).isEqualTo(first);
        assertThat(host.sh("findmnt -n -o SOURCE /data5/data3").trim()).isEqualTo(third);
        assertThat(host.sh("grep -c /data5/ /etc/fstab").trim()).isEqualTo("3");
    }

    private void apply(ExtraStorageAction action) throws Exception {
        new PlanRunner(node).apply(action, action.plan(node), ProgressListener.NONE, CancellationToken.none());
    }
}
