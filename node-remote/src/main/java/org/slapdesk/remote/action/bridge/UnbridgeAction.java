package org.slapdesk.remote.action.bridge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slapdesk.core.config.SlaposNodeConfig;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.action.bridge.LinkState.Address;
import org.slapdesk.remote.action.slapos.SlaposConfig;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Undoes {@link BridgeAction} under the same confirm-or-revert: the port leaves the bridge,
 * the bridge is deleted and its addresses and routes go back onto the port; Debian's
 * {@code /etc/network/interfaces} is put back from the copy the bridge action kept before
 * its edit (the newest {@code .slapdesk-…} backup without the bridge), or the generic block
 * is taken out of {@code /etc/rc.local}; slapos.cfg names the port again with
 * {@code create_tap = false}. If the console cannot get in over a new connection afterwards,
 * the node rebuilds the bridge by itself.
 *
 * <p>verify() checks what the last {@link #plan} planned: plan, then apply that plan.
 */
public final class UnbridgeAction implements NodeAction {

    private final UnbridgeSettings settings;
    private final Reconnect reconnect;
    private volatile Planned lastPlan;

    private record Planned(
            boolean switchesNetwork, List<Address> addresses, RevertGuard guard, Optional<FileChange> persistent) {}

    public UnbridgeAction(UnbridgeSettings settings, Reconnect reconnect) {
        this.settings = settings;
        this.reconnect = reconnect;
    }

    public UnbridgeSettings settings() {
        return settings;
    }

    @Override
    public String title() {
        return "Take " + settings.port() + " out of the bridge " + settings.bridge() + " and remove the bridge";
    }

    private String persistentPath() {
        return settings.style() == BridgeSettings.Style.DEBIAN ? DebianInterfaces.PATH : RcLocal.PATH;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.IP));
        LinkState port = LinkState.read(node, settings.port());
        LinkState bridge = LinkState.read(node, settings.bridge());
        if (!port.exists()) {
            throw new NodeException("there is no interface " + settings.port() + " on "
                    + node.target().display() + ": give the interface the bridge was made on");
        }
        boolean live = port.master().equals(Optional.of(settings.bridge()));
        if (!live && bridge.exists()) {
            throw new NodeException(settings.port() + " is not a port of " + settings.bridge()
                    + " (" + port.master().map(m -> "it is in " + m).orElse("it is in no bridge")
                    + "): give the interface that is in " + settings.bridge());
        }
        // the bridge's addresses go back to the port; switching the bridge back is the revert
        LinkState portAfter =
                new LinkState(settings.port(), true, Optional.empty(), false, bridge.addresses(), bridge.routes());
        BridgeLayout back =
                new BridgeLayout(settings.bridge(), settings.port(), portAfter, bridge.addresses(), bridge.routes());
        RevertGuard guard = new RevertGuard(
                "unbridge-" + settings.bridge(), editedFiles(), back.switchCommands(), settings.confirmWithin());
        RemoteFile files = new RemoteFile(node);
        if (live && files.read(guard.script()).exists()) {
            throw new NodeException("a revert guard is armed on the node already (" + guard.script()
                    + "): confirm it, or wait until it has rebuilt the bridge");
        }
        Optional<FileChange> persistent = persistentChange(node, files);
        Optional<FileChange> slapos = slaposChange(node);

        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (live) {
            steps.add(new Step.FileStep(
                    "write the revert guard", files.planContent(guard.script(), guard.scriptText(), "700")));
            steps.add(new Step.FileStep(
                    "write the network switch the guard reverts",
                    files.planContent(guard.switchScript(), guard.switchText(back.restoreCommands()), "700")));
            steps.add(Step.CommandStep.of(
                    "arm the revert guard (detached: it outlives this SSH connection)",
                    guard.armCommand(),
                    guard.run("disarm")));
        }
        persistent.ifPresent(
                c -> steps.add(new Step.FileStep("put back " + c.path() + " as it was before the bridge", c)));
        slapos.filter(c -> !c.isNoOp())
                .ifPresent(c -> steps.add(new Step.FileStep(
                        "slapos.cfg: interface_name = " + settings.port() + ", create_tap = false", c)));
        if (live) {
            List<String> others = otherPorts(node);
            if (!others.isEmpty()) {
                notes.add("WARNING: " + String.join(", ", others) + " are in " + settings.bridge()
                        + " too (virtual machines' taps): they lose their network when the bridge goes");
            }
            steps.add(Step.CommandStep.of(
                    "move " + settings.port() + " out of " + settings.bridge() + " and delete the bridge"
                            + " (detached: 1 s after this step returned)",
                    guard.switchCommand(),
                    guard.run("now")));
            notes.add(
                    "confirm-or-revert: unless the console gets in again over a NEW SSH connection and confirms within "
                            + settings.confirmWithin().toSeconds()
                            + " s of the network switch (the last step), the node rebuilds the bridge and puts its files back"
                            + " by itself (log: " + guard.log() + ")");
        } else if (!steps.isEmpty()) {
            notes.add("there is no bridge " + settings.bridge() + " on the node now: only the files are put back");
        }
        if (slapos.filter(c -> !c.isNoOp()).isPresent()) {
            notes.add("then run `slapos node format --now` so the partitions follow the new interface");
        }
        lastPlan = new Planned(live, bridge.addresses(), guard, persistent);
        return new Plan(title(), node.target().display(), steps, notes);
    }

    private List<String> editedFiles() {
        List<String> paths = new ArrayList<>();
        paths.add(persistentPath());
        settings.slaposConfig().ifPresent(paths::add);
        return paths;
    }

    /** The edit of the boot-time network configuration; empty when it has nothing of the bridge. */
    private Optional<FileChange> persistentChange(NodeConnection node, RemoteFile files) throws NodeException {
        FileState now = files.read(persistentPath());
        if (!now.exists()) {
            return Optional.empty();
        }
        FileChange change = settings.style() == BridgeSettings.Style.GENERIC
                ? files.plan(RcLocal.PATH, text -> RcLocal.withoutBridge(text, settings.bridge()))
                : mentionsBridge(now.text())
                        ? files.planContent(DebianInterfaces.PATH, beforeTheBridge(node, files), "644")
                        : null;
        return Optional.ofNullable(change).filter(c -> !c.isNoOp());
    }

    /** The newest copy of /etc/network/interfaces the bridge action's edit left that has no stanza of the bridge. */
    private String beforeTheBridge(NodeConnection node, RemoteFile files) throws NodeException {
        List<String> backups = node.run("ls -1 " + Shell.quote(DebianInterfaces.PATH) + ".slapdesk-* 2>/dev/null; true")
                .requireOk()
                .stdout()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .sorted(Comparator.reverseOrder())
                .toList();
        for (String backup : backups) {
            String text = files.read(backup).text();
            if (!mentionsBridge(text)) {
                return text;
            }
        }
        throw new NodeException(DebianInterfaces.PATH + " on " + node.target().display() + " configures "
                + settings.bridge() + " and there is no copy of it from before the bridge (" + DebianInterfaces.PATH
                + ".slapdesk-*): configure " + settings.port() + " there by hand, then run this again");
    }

    private boolean mentionsBridge(String interfaces) {
        return interfaces
                .lines()
                .map(String::strip)
                .anyMatch(l -> l.matches("iface\\s+" + Pattern.quote(settings.bridge()) + "\\s.*"));
    }

    private Optional<FileChange> slaposChange(NodeConnection node) throws NodeException {
        if (settings.slaposConfig().isEmpty()) {
            return Optional.empty();
        }
        String path = settings.slaposConfig().get();
        if (!new RemoteFile(node).read(path).exists()) {
            return Optional.empty();
        }
        return Optional.of(SlaposConfig.planEdit(node, path, ini -> {
            SlaposNodeConfig config = new SlaposNodeConfig(ini);
            if (config.interfaceName().equals(Optional.of(settings.bridge()))) {
                config.setInterfaceName(settings.port());
                config.setCreateTap(false);
            }
        }));
    }

    private List<String> otherPorts(NodeConnection node) throws NodeException {
        return node.run("ls -1 /sys/class/net/" + Shell.quote(settings.bridge()) + "/brif 2>/dev/null; true")
                .requireOk()
                .stdout()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.equals(settings.port()))
                .toList();
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        Planned planned = lastPlan;
        if (planned == null) {
            throw new IllegalStateException("verify() checks the last plan: call plan() first");
        }
        if (!planned.switchesNetwork()) {
            return new Verification(check(node, planned));
        }
        return new NewConnectionConfirmation(reconnect, planned.guard(), settings.confirmWithin())
                .confirm(
                        node,
                        fresh -> check(fresh, planned),
                        settings.bridge() + " removed and confirmed over a new SSH connection: " + settings.port()
                                + " carries the node's network again");
    }

    private List<String> check(NodeConnection node, Planned planned) throws NodeException {
        List<String> problems = new ArrayList<>();
        LinkState port = LinkState.read(node, settings.port());
        if (port.master().isPresent()) {
            problems.add(
                    settings.port() + " is still a port of " + port.master().get());
        }
        if (LinkState.read(node, settings.bridge()).exists()) {
            problems.add(settings.bridge() + " still exists");
        }
        for (Address a : planned.addresses()) {
            if (!port.hasAddress(a.cidr())) {
                problems.add(settings.port() + " does not have " + a.cidr());
            }
        }
        if (planned.persistent().isPresent()
                && !new RemoteFile(node)
                        .read(persistentPath())
                        .content()
                        .equals(planned.persistent().get().after())) {
            problems.add(persistentPath() + " is not as planned");
        }
        if (settings.slaposConfig().isPresent()
                && new RemoteFile(node).read(settings.slaposConfig().get()).exists()) {
            SlaposNodeConfig config = new SlaposNodeConfig(
                    SlaposConfig.read(node, settings.slaposConfig().get()));
            if (config.interfaceName().equals(Optional.of(settings.bridge()))) {
                problems.add("slapos.cfg interface_name is still " + settings.bridge());
            }
        }
        return problems;
    }
}
