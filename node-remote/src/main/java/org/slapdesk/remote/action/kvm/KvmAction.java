package org.slapdesk.remote.action.kvm;

import java.util.ArrayList;
import java.util.List;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Prepares a node to run KVM (seed 000, "KVM Configuration"): loads {@code kvm} and
 * {@code kvm_intel} / {@code kvm_amd} as the CPU needs (and lists them in
 * /etc/modules-load.d so they load at boot), makes {@code /dev/kvm} mode 666 now and, through
 * a udev rule, after reboots. A node without hardware virtualization gets a clear report.
 */
public final class KvmAction implements NodeAction {

    static final String MODULES_FILE = "/etc/modules-load.d/slapos-kvm.conf";
    static final String UDEV_RULE = "/etc/udev/rules.d/65-slapos-kvm.rules";
    static final String UDEV_TEXT =
            "# written by Slapdesk: every partition user may use KVM, as after chmod 666 /dev/kvm\n"
                    + "KERNEL==\"kvm\", GROUP=\"kvm\", MODE=\"0666\"\n";

    /** What the node has: CPU flags, loaded modules, /dev/kvm and its mode. */
    record Facts(
            boolean vmx,
            boolean svm,
            boolean kvmLoaded,
            boolean vendorLoaded,
            boolean devKvm,
            String devKvmMode,
            boolean modprobe) {

        String vendorModule() {
            return vmx ? "kvm_intel" : svm ? "kvm_amd" : "";
        }
    }

    @Override
    public String title() {
        return "Enable KVM (modules and /dev/kvm)";
    }

    static Facts facts(NodeConnection node) throws NodeException {
        String out = node.run("grep -qw vmx /proc/cpuinfo && echo vmx; grep -qw svm /proc/cpuinfo && echo svm;"
                        + " [ -d /sys/module/kvm ] && echo kvm; { [ -d /sys/module/kvm_intel ] || [ -d /sys/module/kvm_amd ]; }"
                        + " && echo vendor; [ -c /dev/kvm ] && echo dev $(stat -c %a /dev/kvm);"
                        + " command -v modprobe >/dev/null && echo modprobe; true")
                .requireOk()
                .stdout();
        List<String> lines = out.lines().toList();
        String mode = lines.stream()
                .filter(l -> l.startsWith("dev "))
                .map(l -> l.substring(4).trim())
                .findFirst()
                .orElse("");
        return new Facts(
                lines.contains("vmx"),
                lines.contains("svm"),
                lines.contains("kvm"),
                lines.contains("vendor"),
                !mode.isEmpty(),
                mode,
                lines.contains("modprobe"));
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Facts facts = facts(node);
        if (!facts.vmx() && !facts.svm() && !facts.devKvm()) {
            throw new NodeException("No virtualization on " + node.target().display() + ": /proc/cpuinfo shows neither"
                    + " vmx (Intel VT-x) nor svm (AMD-V), and there is no /dev/kvm. Enable virtualization in the"
                    + " BIOS/UEFI setup (or nested virtualization on the hypervisor running this node), then retry;"
                    + " until then KVM services cannot run on this node.");
        }
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        RemoteFile files = new RemoteFile(node);
        String vendor = facts.vendorModule();
        List<String> modules = new ArrayList<>(List.of("kvm"));
        if (!vendor.isEmpty()) {
            modules.add(vendor);
        }
        if (!vendor.isEmpty() && !(facts.kvmLoaded() && facts.vendorLoaded())) {
            if (!facts.modprobe()) {
                throw new NodeException(
                        "modprobe is missing on " + node.target().display() + ": install kmod, then retry");
            }
            steps.add(Step.CommandStep.of(
                    "load " + String.join(" and ", modules),
                    Shell.command("modprobe", "-a", modules.get(0), vendor),
                    Shell.command("modprobe", "-r", vendor)));
        } else if (vendor.isEmpty()) {
            notes.add(
                    "the CPU flags show no vmx/svm but /dev/kvm exists (a paravirtual or built-in KVM): no module to load");
        }
        if (!vendor.isEmpty()) {
            FileChange modulesFile = files.planContent(MODULES_FILE, String.join("\n", modules) + "\n", "644");
            if (!modulesFile.isNoOp()) {
                steps.add(new Step.FileStep("load " + String.join(", ", modules) + " at boot", modulesFile));
            }
        }
        FileChange rule = files.planContent(UDEV_RULE, UDEV_TEXT, "644");
        if (!rule.isNoOp()) {
            steps.add(new Step.FileStep("keep /dev/kvm mode 666 after reboots (udev rule)", rule));
        }
        if (!facts.devKvm() || !facts.devKvmMode().equals("666")) {
            String undo = facts.devKvm() ? Shell.command("chmod", facts.devKvmMode(), "/dev/kvm") : "true";
            steps.add(Step.CommandStep.of(
                    "let partitions use /dev/kvm (mode 666)",
                    "[ -c /dev/kvm ] || { udevadm settle 2>/dev/null; sleep 1; }; chmod 666 /dev/kvm",
                    undo));
        }
        return new Plan(title(), node.target().display(), steps, notes);
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        Facts facts = facts(node);
        List<String> problems = new ArrayList<>();
        if (!facts.devKvm()) {
            problems.add("/dev/kvm does not exist");
        } else if (!facts.devKvmMode().equals("666")) {
            problems.add("/dev/kvm has mode " + facts.devKvmMode() + ", not 666");
        }
        if (!facts.vendorModule().isEmpty() && !(facts.kvmLoaded() && facts.vendorLoaded())) {
            problems.add("the kvm modules are not loaded");
        }
        return new Verification(problems);
    }
}
