package org.slapdesk.remote.action.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.Choice;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Adds or removes a persistent socat forward (seed 003 runs {@code socat ... &}, which dies
 * with the shell and at reboot; here it is a systemd service, or a supervised process).
 */
public final class SocatForwardAction implements NodeAction {

    public enum Operation {
        ADD,
        REMOVE;

        /** {@code add or remove}, or an InvalidInputException naming the bad word. */
        public static Operation parse(String word) {
            return Choice.parse(Operation.class, word);
        }
    }

    /** A plan note that the result repeats: the forward runs now but not after a reboot. */
    public static final String NO_BOOT_START_WARNING = "WARNING: neither systemd nor cron on this node:"
            + " the forward will NOT start again after a reboot (install cron, e.g. apt-get install cron)";

    private final Operation operation;
    private final Forward forward;

    /** Adds {@code forward}, or removes the forward that listens where it does (its target does not matter). */
    public SocatForwardAction(Operation operation, Forward forward) {
        this.operation = operation;
        this.forward = forward;
    }

    /** Removes the forward listening on {@code listenPort} (on {@code bindAddress}, or every address). */
    public static SocatForwardAction removing(int listenPort, Optional<String> bindAddress) {
        // the target is not part of what identifies a forward: any valid one stands in
        return new SocatForwardAction(Operation.REMOVE, new Forward(listenPort, bindAddress, "127.0.0.1", listenPort));
    }

    @Override
    public String title() {
        return operation == Operation.ADD
                ? "Forward " + forward
                : "Stop forwarding " + forward.bindAddress().orElse("*") + ":" + forward.listenPort();
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        boolean systemd = SocatForwards.hasSystemd(node);
        RemoteFile files = new RemoteFile(node);
        return operation == Operation.ADD ? planAdd(node, files, systemd) : planRemove(node, files, systemd);
    }

    private Plan planAdd(NodeConnection node, RemoteFile files, boolean systemd) throws NodeException {
        Preflight.require(node, List.of(Requirement.SOCAT));
        String socat = node.run("command -v socat").stdout().trim();
        if (socat.isEmpty()) {
            throw new NodeException("socat is not installed on " + node.target().display()
                    + ": install it (apt-get install socat / dnf install socat), then retry.");
        }
        Optional<SocatForwards.Installed> sameSlot = SocatForwards.list(node).stream()
                .filter(i -> i.forward().listensAsOne(forward))
                .findFirst();
        Optional<SocatForwards.Installed> legacy =
                sameSlot.filter(i -> !i.name().equals(forward.name()));
        Optional<SocatForwards.Installed> sameName = sameSlot.filter(i -> legacy.isEmpty());
        boolean running =
                sameName.filter(i -> i.forward().equals(forward) && i.running()).isPresent();
        // the same port (and bind address) forwarded elsewhere: this forward replaces it
        Optional<Forward> replaced = sameName.filter(i -> !i.forward().equals(forward) && i.running())
                .map(SocatForwards.Installed::forward);
        if (forward.bindAddress().isPresent()) {
            checkBindAddressExists(node, forward.bindAddress().get());
        }
        if (!running && replaced.isEmpty() && legacy.isEmpty()) {
            checkPortFree(node);
        }
        List<Step> steps = new ArrayList<>();
        if (legacy.isPresent()) {
            steps.addAll(removalSteps(node, files, systemd, legacy.get().name()));
        }
        steps.addAll(
                systemd
                        ? systemdSteps(node, files, socat, running, replaced)
                        : scriptSteps(files, socat, running, replaced));
        List<String> notes = new ArrayList<>();
        if (!systemd) {
            notes.add("no systemd on this node: a supervising script restarts socat"
                    + " if it dies, and an @reboot cron line starts it at boot");
            if (!node.run("command -v cron || command -v crond || [ -x /usr/sbin/cron ]")
                    .ok()) {
                notes.add(NO_BOOT_START_WARNING);
            }
        }
        return new Plan(title(), node.target().display(), withoutNoOps(steps), notes);
    }

    /**
     * Stop what it replaces first (undone last, once its unit file is back), write the unit,
     * then enable and (re)start it; undoing the start leaves the unit enabled if it was.
     */
    private List<Step> systemdSteps(
            NodeConnection node, RemoteFile files, String socat, boolean running, Optional<Forward> replaced)
            throws NodeException {
        String name = Shell.quote(forward.name());
        List<Step> steps = new ArrayList<>();
        replaced.ifPresent(old -> steps.add(Step.CommandStep.of(
                "stop the forward it replaces (" + old + ")",
                "systemctl stop " + name,
                "systemctl daemon-reload && systemctl restart " + name)));
        FileChange unit =
                files.planContent(SocatForwards.unitPath(forward), SocatForwards.unitText(forward, socat), "644");
        steps.add(new Step.FileStep("systemd service " + forward.name(), unit));
        if (!running || !unit.isNoOp()) {
            boolean wasEnabled =
                    node.run("systemctl is-enabled --quiet " + name).ok();
            steps.add(Step.CommandStep.of(
                    "start it now and at every boot",
                    "systemctl daemon-reload && systemctl enable --now " + name + " && systemctl restart " + name,
                    wasEnabled
                            ? "systemctl stop " + name
                            : "systemctl disable --now " + name + "; systemctl daemon-reload"));
        }
        return steps;
    }

    /** The same order without systemd: the old supervisor is started again after its script is back. */
    private List<Step> scriptSteps(RemoteFile files, String socat, boolean running, Optional<Forward> replaced)
            throws NodeException {
        List<Step> steps = new ArrayList<>();
        replaced.ifPresent(old -> steps.add(Step.CommandStep.of(
                "stop the forward it replaces (" + old + ")",
                SocatForwards.stopScript(forward),
                SocatForwards.startScript(forward))));
        steps.add(new Step.FileStep(
                "supervising script",
                files.planContent(SocatForwards.scriptPath(forward), SocatForwards.scriptText(forward, socat), "755")));
        steps.add(new Step.FileStep(
                "start at boot",
                files.planContent(
                        SocatForwards.cronPath(forward),
                        "# " + forward.marker() + "\n@reboot root " + SocatForwards.startScript(forward) + "\n",
                        "644")));
        if (!running) {
            steps.add(Step.CommandStep.of(
                    "start it now", SocatForwards.startScript(forward), SocatForwards.stopScript(forward)));
        }
        return steps;
    }

    private Plan planRemove(NodeConnection node, RemoteFile files, boolean systemd) throws NodeException {
        Optional<SocatForwards.Installed> installed = SocatForwards.list(node).stream()
                .filter(i -> i.forward().listensAsOne(forward))
                .findFirst();
        if (installed.isEmpty()) {
            return new Plan(title(), node.target().display(), List.of(), List.of("no such forward on the node"));
        }
        return new Plan(
                title(),
                node.target().display(),
                withoutNoOps(removalSteps(node, files, systemd, installed.get().name())),
                List.of("removes " + installed.get().forward()));
    }

    /** Stops the forward whose files are named {@code fileName} and deletes them. */
    private List<Step> removalSteps(NodeConnection node, RemoteFile files, boolean systemd, String fileName)
            throws NodeException {
        String name = Shell.quote(fileName);
        List<Step> steps = new ArrayList<>();
        if (systemd && files.read(SocatForwards.unitPath(fileName)).exists()) {
            boolean wasEnabled =
                    node.run("systemctl is-enabled --quiet " + name).ok();
            boolean wasActive = node.run("systemctl is-active --quiet " + name).ok();
            // undone after the unit file is back: put it as it was, no more (a disabled unit stays disabled)
            String undo = "systemctl daemon-reload" + (wasEnabled ? " && systemctl enable " + name : "")
                    + (wasActive ? " && systemctl start " + name : "");
            steps.add(Step.CommandStep.of("stop and disable it", "systemctl disable --now " + name, undo));
            deletion(files, "remove the service", SocatForwards.unitPath(fileName))
                    .ifPresent(steps::add);
            steps.add(Step.CommandStep.withoutUndo(
                    "reload systemd",
                    "systemctl daemon-reload; systemctl reset-failed " + name + " 2>/dev/null; true"));
        } else {
            steps.add(Step.CommandStep.of(
                    "stop it", SocatForwards.stopScript(fileName), SocatForwards.startScript(fileName)));
            deletion(files, "remove the boot line", SocatForwards.cronPath(fileName))
                    .ifPresent(steps::add);
            deletion(files, "remove the script", SocatForwards.scriptPath(fileName))
                    .ifPresent(steps::add);
        }
        return steps;
    }

    /**
     * Deletes a file of the forward without the dated backup a file step keeps (a removed
     * forward should leave nothing behind); the undo writes its content, mode and owner back.
     */
    private static Optional<Step> deletion(RemoteFile files, String description, String path) throws NodeException {
        FileState file = files.read(path);
        if (!file.exists()) {
            return Optional.empty();
        }
        String quoted = Shell.quote(path);
        String restore = "printf '%s' " + Shell.quote(file.text()) + " > " + quoted + " && chmod " + file.mode() + " "
                + quoted + " && chown " + file.uid() + ":" + file.gid() + " " + quoted;
        return Optional.of(Step.CommandStep.of(description + " (" + path + ")", "rm -f -- " + quoted, restore));
    }

    private static void checkBindAddressExists(NodeConnection node, String address) throws NodeException {
        String addresses = node.run("ip -4 -o addr show").requireOk().stdout();
        if (!addresses.contains(" " + address + "/")) {
            throw new NodeException("No interface of " + node.target().display() + " has the address " + address
                    + ": socat could not listen on it. Add the address first, or choose one the node has"
                    + " (ip -4 addr).");
        }
    }

    private void checkPortFree(NodeConnection node) throws NodeException {
        String listening = node.run("ss -Htln 'sport = :" + forward.listenPort() + "' 2>/dev/null; true")
                .stdout();
        if (!listening.isBlank()) {
            throw new NodeException("Port " + forward.listenPort() + " is already in use on "
                    + node.target().display() + ":\n" + listening.strip()
                    + "\nStop what listens there or choose another port.");
        }
    }

    private static List<Step> withoutNoOps(List<Step> steps) {
        return steps.stream()
                .filter(s -> !(s instanceof Step.FileStep f) || !f.change().isNoOp())
                .toList();
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        if (operation == Operation.ADD) {
            boolean running =
                    SocatForwards.list(node).stream().anyMatch(i -> i.forward().equals(forward) && i.running());
            List<String> problems = new ArrayList<>();
            if (!running) {
                problems.add(forward.name() + " is not running");
            }
            if (!node.run(SocatForwards.ownListenerCheck(forward, SocatForwards.hasSystemd(node)))
                    .ok()) {
                String listening = node.run("ss -Htlnp 'sport = :" + forward.listenPort() + "' 2>/dev/null; true")
                        .stdout()
                        .strip();
                problems.add(forward.name() + "'s socat does not listen on port " + forward.listenPort()
                        + (listening.isEmpty() ? "" : " (held by: " + listening + ")"));
            }
            return new Verification(problems);
        }
        boolean left =
                SocatForwards.list(node).stream().anyMatch(i -> i.forward().listensAsOne(forward));
        return left ? new Verification(List.of(forward.name() + " is still installed")) : Verification.ok();
    }
}
