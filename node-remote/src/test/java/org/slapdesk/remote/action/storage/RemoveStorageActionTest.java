package org.slapdesk.remote.action.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.testing.OnTestHost;

/** Loop devices as extra disks on a test host: added, then taken out one at a time. */
class RemoveStorageActionTest extends OnTestHost {

    private static final String CONFIG = "/etc/opt/slapos/slapos.cfg";
    private final SlaposNode slapos = new SlaposNode("slapos", CONFIG);

    @BeforeAll
    void slaposConfig() {
        host.sh("mkdir -p /etc/opt/slapos");
        host.writeFile(CONFIG, "[slapos]\ncomputer_id = COMP-1\n\n[slapformat]\npartition_amount = 2\n");
    }

    @Test
    void removesOneDiskThenTheLastOneWithItsStorageHomeAndRefusesADiskPartitionsStillUse() throws Exception {
        String first = disk();
        String second = disk();
        apply(new ExtraStorageAction(slapos, List.of(first, second), "/data", false));
        String fstabWithBoth = host.sh("cat /etc/fstab");
        assertThat(host.sh("cat " + CONFIG)).contains("instance_storage_home = /data");

        host.sh("mkdir -p /data/data1/slappart0 /data/data1/slappart1 && echo x > /data/data1/slappart1/db");
        assertThatThrownBy(() ->
                        RemoveStorageAction.ofDevice(slapos, first, "/data").plan(node))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("partitions still keep files on /data/data1 (slappart1)");
        assertThat(host.sh("cat /etc/fstab")).isEqualTo(fstabWithBoth);
        assertThat(host.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(first);

        host.sh("rm /data/data1/slappart1/db");
        RemoveStorageAction removeFirst = RemoveStorageAction.ofDevice(slapos, first, "/data");
        assertThat(removeFirst.plan(node).preview())
                .contains("'umount' '/data/data1'")
                .contains("-UUID=" + uuid(first) + " /data/data1")
                .doesNotContain("instance_storage_home");
        apply(removeFirst);
        assertThat(host.exec("findmnt", "/data/data1").exitCode()).isNotZero();
        assertThat(host.sh("cat /etc/fstab")).doesNotContain("/data/data1").contains("/data/data2");
        assertThat(host.sh("cat " + CONFIG)).contains("instance_storage_home = /data");

        apply(RemoveStorageAction.ofMountPoint(slapos, "/data/data2", "/data"));
        assertThat(host.exec("findmnt", "/data/data2").exitCode()).isNotZero();
        assertThat(host.sh("cat /etc/fstab")).doesNotContain("/data/");
        assertThat(host.sh("cat " + CONFIG)).doesNotContain("instance_storage_home");

        // the freed folder is the next free one again
        apply(new ExtraStorageAction(slapos, List.of(second), "/data", false));
        assertThat(host.sh("findmnt -n -o SOURCE /data/data1").trim()).isEqualTo(second);
    }

    @Test
    void aFailedRemovalMountsTheDiskAgain() throws Exception {
        String disk = disk();
        apply(new ExtraStorageAction(slapos, List.of(disk), "/store", false));
        RemoveStorageAction remove = RemoveStorageAction.ofMountPoint(slapos, "/store/data1", "/store");
        Plan plan = remove.plan(node);
        // someone edits fstab between the plan and the apply: the fstab step refuses, the unmount is undone
        host.sh("echo '# edited by hand' >> /etc/fstab");
        assertThatThrownBy(
                        () -> new PlanRunner(node).apply(remove, plan, ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("Everything the plan changed was undone");
        assertThat(host.sh("findmnt -n -o SOURCE /store/data1").trim()).isEqualTo(disk);
        assertThat(host.sh("cat /etc/fstab")).contains("UUID=" + uuid(disk) + " /store/data1");
    }

    @Test
    void aFolderThatIsNotAnExtraDiskIsRefused() {
        assertThatThrownBy(() -> RemoveStorageAction.ofMountPoint(slapos, "/srv/slapgrid", "/data"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/data/dataN");
        assertThatThrownBy(() -> RemoveStorageAction.of(slapos, "/dev/sdb1", "/data/data1", "/data"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RemoveStorageAction.ofMountPoint(slapos, "/data/data7", "/data")
                        .plan(node))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing to remove");
    }

    private String disk() {
        String device = host.newLoopDevice(16);
        host.sh("mkfs.ext2 -q -F " + device);
        return device;
    }

    private String uuid(String device) {
        return host.sh("blkid -s UUID -o value " + device).trim();
    }

    private void apply(NodeAction action) throws Exception {
        new PlanRunner(node).apply(action, action.plan(node), ProgressListener.NONE, CancellationToken.none());
    }
}
