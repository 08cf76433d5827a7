package org.slapdesk.remote.action.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;

/**
 * On this machine's real CPU and kernel, seen from a test host (whose /dev is its own copy,
 * so the chmod never reaches this machine's /dev/kvm).
 */
class KvmActionTest extends OnTestHost {

    private static boolean hardwareVirtualization() throws Exception {
        return Files.readString(Path.of("/proc/cpuinfo")).matches("(?s).*\\b(vmx|svm)\\b.*");
    }

    @Test
    void makesDevKvmUsableAndKeepsItSoAfterReboots() throws Exception {
        assertThat(Files.exists(Path.of("/dev/kvm")) || hardwareVirtualization())
                .as("this machine has KVM (else only the report below can be tested)")
                .isTrue();
        String machineMode = Files.getPosixFilePermissions(Path.of("/dev/kvm")).toString();
        host.sh("chmod 600 /dev/kvm");
        KvmAction action = new KvmAction();
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("chmod 666 /dev/kvm")
                .contains("+KERNEL==\"kvm\", GROUP=\"kvm\", MODE=\"0666\"");
        new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("stat -c %a /dev/kvm")).isEqualTo("666\n");
        assertThat(host.sh("cat " + KvmAction.UDEV_RULE)).isEqualTo(KvmAction.UDEV_TEXT);
        assertThat(action.plan(node).isEmpty()).isTrue();
        assertThat(Files.getPosixFilePermissions(Path.of("/dev/kvm")).toString())
                .as("this machine's /dev/kvm is untouched")
                .isEqualTo(machineMode);
    }

    @Test
    void aNodeWithoutVirtualizationGetsAReportSayingWhatToDo() throws Exception {
        Assumptions.assumeFalse(
                hardwareVirtualization(), "this CPU has vmx/svm: a node without virtualization cannot be shown here");
        host.sh("rm -f /dev/kvm");
        try {
            assertThatThrownBy(() -> new KvmAction().plan(node))
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("No virtualization on")
                    .hasMessageContaining("neither vmx (Intel VT-x) nor svm (AMD-V)")
                    .hasMessageContaining("BIOS/UEFI");
        } finally {
            host.sh("mknod -m 600 /dev/kvm c 10 232");
        }
    }
}
