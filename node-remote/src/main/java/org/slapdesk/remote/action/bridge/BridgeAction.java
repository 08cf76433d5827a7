package org.slapdesk.remote.action.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * A bridge for virtual machines (seed 000), under confirm-or-revert. When the live network
 * has to change, the plan first writes and arms a {@link RevertGuard} on the node, then edits
 * the files, then starts the switch detached from SSH. {@link #verify} then opens a NEW SSH
 * connection ({@link Reconnect}); if it gets in and finds the bridge as planned it confirms
 * (stops the guard). If it cannot get in before the deadline, the node puts its previous
 * network and files back by itself; if it gets in and finds the network wrong, it reverts at once.
 * When the port is already in the bridge only the files are edited, without a guard.
 *
 * <p>verify() checks what the last {@link #plan} planned: plan, then apply that plan.
 */
public final class BridgeAction implements NodeAction {

    private final BridgeSettings settings;
    private final Reconnect reconnect;
    private volatile Planned lastPlan;

    /** What a plan decided, for verify. */
    private record Planned(
            BridgeLayout layout, boolean switchesNetwork, RevertGuard guard, Optional<String> persistentText) {}

    public BridgeAction(BridgeSettings settings, Reconnect reconnect) {
        this.settings = settings;
        this.reconnect = reconnect;
    }

    @Override
    public String title() {
        return "Bridge " + settings.bridge() + " on " + settings.port() + " for virtual machines ("
                + (settings.style() == BridgeSettings.Style.DEBIAN
                        ? "Debian, " + DebianInterfaces.PATH
                        : "generic, " + RcLocal.PATH)
                + ")";
    }

    public BridgeSettings settings() {
        return settings;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.IP));
        LinkState port = LinkState.read(node, settings.port());
        if (!port.exists()) {
            String names =
                    node.run("ls /sys/class/net").requireOk().stdout().trim().replace('\n', ' ');
            throw new NodeException("there is no interface " + settings.port() + " on "
                    + node.target().display() + " (it has: " + names
                    + "): give the physical interface that carries the node's traffic");
        }
        if (port.wireless()) {
            throw new NodeException(settings.port()
                    + " is a wireless interface: a bridge does not work over wifi; give the wired interface");
        }
        LinkState bridge = LinkState.read(node, settings.bridge());
        boolean live = port.master().equals(Optional.of(settings.bridge()));
        if (!live && port.master().isPresent()) {
            throw new NodeException(settings.port() + " is already a port of "
                    + port.master().get() + ": take it out of that bridge first, or bridge "
                    + port.master().get() + " instead");
        }
        if (!live && bridge.exists()) {
            throw new NodeException("an interface " + settings.bridge() + " exists already without " + settings.port()
                    + " in it: remove it (ip link del " + settings.bridge() + ") or choose another bridge name");
        }
        LinkState current = live ? bridge : port;
        if (settings.addressing() instanceof Addressing.KeepCurrent
                && current.addresses().isEmpty()) {
            throw new NodeException(settings.port() + " has no global address to keep: give the bridge's addresses");
        }
        BridgeLayout layout = BridgeLayout.of(settings, current);
        if (live) {
            layout = new BridgeLayout(
                    settings.bridge(),
                    settings.port(),
                    new LinkState(settings.port(), true, Optional.of(settings.bridge()), false, List.of(), List.of()),
                    layout.bridgeAddresses(),
                    layout.bridgeRoutes());
        }
        RevertGuard guard =
                new RevertGuard(settings.bridge(), editedFiles(), layout.restoreCommands(), settings.confirmWithin());
        RemoteFile files = new RemoteFile(node);
        if (!live && files.read(guard.script()).exists()) {
            throw new NodeException("a revert guard for " + settings.bridge() + " is armed on the node already ("
                    + guard.script() + "): confirm it, or wait until it has put the previous network back");
        }
        FileChange persistent = persistentChange(files, layout);
        Optional<FileChange> slapos = slaposChange(node);

        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!live) {
            steps.add(new Step.FileStep(
                    "write the revert guard", files.planContent(guard.script(), guard.scriptText(), "700")));
            steps.add(new Step.FileStep(
                    "write the network switch the guard reverts",
                    files.planContent(guard.switchScript(), guard.switchText(layout.switchCommands()), "700")));
            steps.add(Step.CommandStep.of(
                    "arm the revert guard (detached: it outlives this SSH connection)",
                    guard.armCommand(),
                    guard.run("disarm")));
        }
        if (!persistent.isNoOp()) {
            steps.add(new Step.FileStep("make the bridge persistent in " + persistent.path(), persistent));
        }
        slapos.filter(c -> !c.isNoOp())
                .ifPresent(c -> steps.add(new Step.FileStep(
                        "slapos.cfg: interface_name = " + settings.bridge() + ", create_tap = true", c)));
        if (!live) {
            steps.add(Step.CommandStep.of(
                    "switch the live network to " + settings.bridge() + " (detached: 1 s after this step returned)",
                    guard.switchCommand(),
                    guard.run("now")));
            notes.add(
                    "confirm-or-revert: unless the console gets in again over a NEW SSH connection and confirms within "
                            + settings.confirmWithin().toSeconds()
                            + " s of the network switch (the last step), the node puts back its previous network"
                            + " and files by itself (log: " + guard.log() + ")");
            notes.add("the guard lives in " + RevertGuard.BASE + " (a tmpfs): a reboot before the confirmation"
                    + " boots the new configuration");
        } else {
            notes.add(settings.port() + " is already in " + settings.bridge() + ": the live network is not touched");
        }
        if (settings.addressing() instanceof Addressing.Dhcp && !live) {
            notes.add("the live bridge keeps the addresses " + settings.port() + " has now; DHCP on "
                    + settings.bridge() + " takes over at the next boot (or ifup)");
        }
        if (settings.style() == BridgeSettings.Style.DEBIAN && !commandExists(node, "ifup")) {
            notes.add("ifupdown is not installed on the node: nothing reads " + DebianInterfaces.PATH
                    + " at boot (install ifupdown and bridge-utils, or use the generic style)");
        }
        if (settings.style() == BridgeSettings.Style.GENERIC) {
            notes.add("remove the system's own configuration of " + settings.port()
                    + " (netplan, NetworkManager, systemd-networkd...): it must no longer configure it");
        }
        if (slapos.isPresent()) {
            notes.add("then run `slapos node format --now` so the partitions get their tap interfaces");
        }
        lastPlan = new Planned(layout, !live, guard, persistent.after());
        return new Plan(title(), node.target().display(), steps, notes);
    }

    private List<String> editedFiles() {
        List<String> paths = new ArrayList<>();
        paths.add(settings.style() == BridgeSettings.Style.DEBIAN ? DebianInterfaces.PATH : RcLocal.PATH);
        settings.slaposConfig().ifPresent(paths::add);
        return paths;
    }

    private FileChange persistentChange(RemoteFile files, BridgeLayout layout) throws NodeException {
        if (settings.style() == BridgeSettings.Style.DEBIAN) {
            FileState before = files.read(DebianInterfaces.PATH);
            return files.planContent(
                    DebianInterfaces.PATH,
                    DebianInterfaces.withBridge(before.text(), layout, settings.addressing()),
                    "644");
        }
        FileState before = files.read(RcLocal.PATH);
        return files.planContent(RcLocal.PATH, RcLocal.withBridge(before.text(), layout), "755");
    }

    private Optional<FileChange> slaposChange(NodeConnection node) throws NodeException {
        if (settings.slaposConfig().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SlaposConfig.planEdit(node, settings.slaposConfig().get(), ini -> {
            SlaposNodeConfig config = new SlaposNodeConfig(ini);
            config.setInterfaceName(settings.bridge());
            config.setCreateTap(true);
        }));
    }

    private static boolean commandExists(NodeConnection node, String command) throws NodeException {
        return node.run("command -v " + Shell.quote(command) + " >/dev/null 2>&1 || [ -x /sbin/" + command + " ]")
                .ok();
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
                .confirm(node, fresh -> check(fresh, planned), confirmedNote(settings.bridge()));
    }

    /** What the result says once the node confirmed: the operator reads it on stdout and in the window. */
    static String confirmedNote(String bridge) {
        return bridge + " confirmed over a new SSH connection: the node keeps the new network";
    }

    /** What is not as planned: the port in the bridge, the bridge's addresses, the files. */
    private List<String> check(NodeConnection node, Planned planned) throws NodeException {
        List<String> problems = new ArrayList<>();
        LinkState port = LinkState.read(node, settings.port());
        if (!port.master().equals(Optional.of(settings.bridge()))) {
            problems.add(settings.port() + " is not a port of " + settings.bridge());
        }
        LinkState bridge = LinkState.read(node, settings.bridge());
        if (!bridge.exists()) {
            problems.add("there is no interface " + settings.bridge());
        }
        for (Address a : planned.layout().bridgeAddresses()) {
            if (!bridge.hasAddress(a.cidr())) {
                problems.add(settings.bridge() + " does not have " + a.cidr());
            }
        }
        RemoteFile files = new RemoteFile(node);
        String path = settings.style() == BridgeSettings.Style.DEBIAN ? DebianInterfaces.PATH : RcLocal.PATH;
        if (!files.read(path).content().equals(planned.persistentText())) {
            problems.add(path + " is not as planned");
        }
        if (settings.slaposConfig().isPresent()) {
            SlaposNodeConfig config = new SlaposNodeConfig(
                    SlaposConfig.read(node, settings.slaposConfig().get()));
            if (!config.interfaceName().equals(Optional.of(settings.bridge()))) {
                problems.add("slapos.cfg interface_name is "
                        + config.interfaceName().orElse("unset") + ", not " + settings.bridge());
            }
            if (!config.ini()
                            .get(SlaposNodeConfig.SLAPFORMAT, "create_tap")
                            .map(String::strip)
                            .equals(Optional.of("true"))
                    && !config.ini()
                            .get(SlaposNodeConfig.SLAPOS, "create_tap")
                            .map(String::strip)
                            .equals(Optional.of("true"))) {
                problems.add("slapos.cfg create_tap is not true");
            }
        }
        return problems;
    }
}
