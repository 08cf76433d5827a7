package org.slapdesk.remote.action.network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.action.slapos.SlaposConfig;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * A bridge for KVM partitions (seed 000, "Network Configuration"), under confirm-or-revert.
 * The node first arms a revert guard: a detached script that, unless confirmed before the
 * deadline, puts back the interface's addresses and routes and the files this plan edits.
 * Then the files are written ({@code /etc/network/interfaces} on Debian, or
 * {@code /etc/rc.local} for the generic way; slapos.cfg {@code interface_name = br0},
 * {@code create_tap = true}) and the switch to the bridge is started detached. {@link #verify}
 * then reconnects with a new SSH connection, checks the bridge and confirms; if the node does not
 * answer, it reverts by itself at the deadline.
 */
public final class BridgeAction implements NodeAction {

    public enum Style { DEBIAN, GENERIC }

    /** How the bridge gets its address: the interface's current ones, or DHCP (the seed's example). */
    public enum Addressing { KEEP_CURRENT, DHCP }

    /** Opens a fresh connection to the node: confirming means reaching it again after the switch. */
    @FunctionalInterface
    public interface Reconnect {
        NodeConnection open() throws NodeException;
    }

    static final String INTERFACES = "/etc/network/interfaces";
    static final String RC_LOCAL = "/etc/rc.local";
    static final String STATE_DIR = "/var/lib/slapdesk/network-revert";

    private final Style style;
    private final Addressing addressing;
    private final String physical;
    private final String bridge;
    private final String slaposConfig;
    private final Duration deadline;
    private final Reconnect reconnect;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    /** When the plan was made: the guard is armed after this, so it reverts after plannedAt + deadline. */
    private volatile Instant plannedAt = Instant.now();

    public BridgeAction(Style style, Addressing addressing, String physical, String bridge, String slaposConfig,
                        Duration deadline, Reconnect reconnect) {
        this.style = style;
        this.addressing = addressing;
        this.physical = Validate.interfaceName(physical);
        this.bridge = Validate.interfaceName(bridge);
        if (physical.equals(bridge)) {
            throw new InvalidInputException("the bridge cannot have the name of the interface it bridges (" + physical + ")");
        }
        this.slaposConfig = Validate.absolutePath(slaposConfig);
        if (deadline.compareTo(Duration.ofSeconds(10)) < 0 || deadline.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException("the confirmation deadline must be 10 s to 1 h, got " + deadline.toSeconds() + " s");
        }
        this.deadline = deadline;
        this.reconnect = reconnect;
    }

    @Override
    public String title() {
        return "Bridge " + bridge + " over " + physical + " for VMs (" + style.name().toLowerCase() + ", confirm within "
                + deadline.toSeconds() + " s or the node reverts)";
    }

    String guardPath() {
        return "/usr/local/sbin/slapdesk-network-revert-" + id;
    }

    /** Kills the armed guard (its exact command line, so not this command itself). */
    private String stopSleepingGuard() {
        return "pkill -f " + Shell.quote("^/bin/sh " + guardPath() + "$") + " 2>/dev/null; true";
    }

    String confirmFlag() {
        return "/run/slapdesk-network-confirmed-" + id;
    }

    String switchedFlag() {
        return "/run/slapdesk-network-switched-" + id;
    }

    String revertedFlag() {
        return "/run/slapdesk-network-reverted-" + id;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        plannedAt = Instant.now();
        NetworkSnapshot before = NetworkSnapshot.read(node, physical);
        if (node.run(Shell.command("ip", "link", "show", "dev", bridge)).ok()) {
            throw new InvalidInputException(bridge + " already exists on " + node.target().display()
                    + ": nothing to create (remove it first to redo the bridge)");
        }
        if (before.addresses4().isEmpty() && before.addresses6().isEmpty() && addressing == Addressing.KEEP_CURRENT) {
            throw new InvalidInputException(physical + " has no global address to carry over to " + bridge);
        }
        RemoteFile files = new RemoteFile(node);
        List<String> edited = new ArrayList<>(List.of(slaposConfig));
        List<Step> fileSteps = new ArrayList<>();
        if (style == Style.DEBIAN) {
            fileSteps.add(new Step.FileStep("Debian network configuration with " + bridge,
                    files.planContent(INTERFACES, interfacesText(before), "644")));
            edited.add(INTERFACES);
        } else {
            fileSteps.add(new Step.FileStep("make " + bridge + " at boot from rc.local",
                    files.plan(RC_LOCAL, old -> rcLocalText(old, before))));
            edited.add(RC_LOCAL);
        }
        FileChange cfg = SlaposConfig.planEdit(node, slaposConfig, ini -> {
            ini.set(SlaposConfig.SLAPFORMAT, "interface_name", bridge);
            ini.set(SlaposConfig.SLAPFORMAT, "create_tap", "true");
        });
        fileSteps.add(new Step.FileStep("slapos.cfg: interface_name = " + bridge + ", create_tap = true", cfg));

        List<Step> steps = new ArrayList<>();
        String dir = STATE_DIR + "/" + id;
        steps.add(Step.CommandStep.of("arm the revert guard: unless confirmed within " + deadline.toSeconds()
                        + " s, the node restores " + physical + " and " + String.join(", ", edited) + " by itself",
                armGuard(before, edited, dir), stopSleepingGuard() + "; if [ -x " + Shell.quote(guardPath()) + " ]; then "
                        + Shell.quote(guardPath()) + " now; fi"));
        steps.addAll(fileSteps.stream().filter(s -> !((Step.FileStep) s).change().isNoOp()).toList());
        steps.add(Step.CommandStep.withoutUndo("switch " + physical + " into " + bridge + " (detached: the SSH path may drop)",
                "setsid -f sh -c " + Shell.quote(switchScript(before)) + " </dev/null >/dev/null 2>&1"));
        return new Plan(title(), node.target().display(), steps, List.of(
                "after the switch the console reconnects and confirms; without that the node reverts at the deadline",
                style == Style.DEBIAN ? INTERFACES + " is rewritten whole (the old one is kept as a dated backup)"
                        : RC_LOCAL + " gets a marked block (removed again on revert)"));
    }

    private String armGuard(NetworkSnapshot before, List<String> files, String dir) {
        StringBuilder guard = new StringBuilder("#!/bin/sh\n# Slapdesk network revert guard " + id + "\n");
        guard.append("[ \"$1\" = now ] || sleep ").append(deadline.toSeconds()).append('\n');
        guard.append("[ -e ").append(Shell.quote(confirmFlag())).append(" ] && exit 0\n");
        guard.append("pkill -f ").append(Shell.quote("dhclient.*" + bridge)).append(" 2>/dev/null\n");
        guard.append(Shell.command("ip", "link", "set", physical, "nomaster")).append(" 2>/dev/null\n");
        guard.append(Shell.command("ip", "link", "del", bridge)).append(" 2>/dev/null\n");
        guard.append(Shell.command("ip", "link", "set", physical, "up")).append('\n');
        before.applyTo(physical).forEach(l -> guard.append(l).append(" 2>/dev/null\n"));
        for (String file : files) {
            String saved = Shell.quote(dir + "/files" + file);
            String f = Shell.quote(file);
            guard.append("if [ -e ").append(saved).append(" ]; then cp -p ").append(saved).append(' ').append(f)
                    .append("; elif [ -e ").append(Shell.quote(dir + "/absent" + file)).append(" ]; then rm -f ").append(f)
                    .append("; fi\n");
            guard.append("find ").append(Shell.quote(file.substring(0, file.lastIndexOf('/')))).append(" -maxdepth 1 -name ")
                    .append(Shell.quote(file.substring(file.lastIndexOf('/') + 1) + ".slapdesk-*")).append(" -cnewer ")
                    .append(Shell.quote(dir + "/armed")).append(" -delete 2>/dev/null\n");
        }
        guard.append("echo reverted > ").append(Shell.quote(revertedFlag())).append('\n');
        guard.append("rm -rf ").append(Shell.quote(dir)).append(' ').append(Shell.quote(guardPath())).append('\n');

        StringBuilder arm = new StringBuilder("set -e; d=" + Shell.quote(dir) + "; mkdir -p \"$d/files\" \"$d/absent\";");
        for (String file : files) {
            String f = Shell.quote(file);
            arm.append(" if [ -e ").append(f).append(" ]; then mkdir -p \"$d/files$(dirname ").append(f).append(")\";")
                    .append(" cp -p ").append(f).append(" \"$d/files\"").append(f).append(";")
                    .append(" else mkdir -p \"$d/absent$(dirname ").append(f).append(")\"; touch \"$d/absent\"").append(f)
                    .append("; fi;");
        }
        arm.append(" touch -d '1 second ago' \"$d/armed\";");
        arm.append(" printf '%s' ").append(Shell.quote(guard.toString())).append(" > ").append(Shell.quote(guardPath())).append(";");
        arm.append(" chmod 700 ").append(Shell.quote(guardPath())).append(";");
        arm.append(" setsid -f ").append(Shell.quote(guardPath())).append(" </dev/null >/dev/null 2>&1");
        return arm.toString();
    }

    private String switchScript(NetworkSnapshot before) {
        List<String> lines = new ArrayList<>();
        lines.add("sleep 2");
        lines.add(Shell.command("ip", "link", "add", bridge, "type", "bridge"));
        lines.add(Shell.command("ip", "link", "set", bridge, "up"));
        lines.add(Shell.command("ip", "link", "set", physical, "master", bridge));
        lines.addAll(before.removeFrom(physical));
        if (addressing == Addressing.KEEP_CURRENT) {
            lines.addAll(before.applyTo(bridge));
        } else {
            lines.add("command -v dhclient >/dev/null && dhclient -nw " + Shell.quote(bridge));
        }
        lines.add("touch " + Shell.quote(switchedFlag()));
        return String.join("\n", lines) + "\n";
    }

    String interfacesText(NetworkSnapshot before) {
        StringBuilder t = new StringBuilder("# Written by Slapdesk: bridge " + bridge + " for SlapOS VMs (seed: Debian Bridge)\n"
                + "auto lo\niface lo inet loopback\n\niface " + physical + " inet manual\n\nauto " + bridge + "\n");
        if (addressing == Addressing.DHCP || before.addresses4().isEmpty()) {
            t.append("iface ").append(bridge).append(" inet dhcp\n");
        } else {
            t.append("iface ").append(bridge).append(" inet static\n");
            before.addresses4().forEach(a -> t.append("    address ").append(a).append('\n'));
        }
        t.append("    bridge_ports ").append(physical).append('\n');
        if (addressing == Addressing.KEEP_CURRENT && !before.addresses6().isEmpty()) {
            t.append("iface ").append(bridge).append(" inet6 static\n");
            before.addresses6().forEach(a -> t.append("    address ").append(a).append('\n'));
        }
        return t.toString();
    }

    String rcLocalText(String old, NetworkSnapshot before) {
        String begin = "# slapdesk bridge " + bridge + " begin";
        if (old.contains(begin)) {
            return old;
        }
        StringBuilder block = new StringBuilder(begin + "\n");
        block.append("brctl addbr ").append(bridge).append(" 2>/dev/null || ip link add ").append(bridge).append(" type bridge\n");
        block.append("brctl addif ").append(bridge).append(' ').append(physical).append(" 2>/dev/null || ip link set ")
                .append(physical).append(" master ").append(bridge).append('\n');
        block.append("ip link set dev ").append(bridge).append(" up\n");
        if (addressing == Addressing.KEEP_CURRENT) {
            before.removeFrom(physical).forEach(l -> block.append(l).append('\n'));
            before.applyTo(bridge).forEach(l -> block.append(l).append('\n'));
        }
        block.append("# slapdesk bridge ").append(bridge).append(" end\n");
        String base = old.isEmpty() ? "#!/bin/sh -e\n" : old;
        int exit = base.lastIndexOf("\nexit 0");
        if (exit >= 0) {
            return base.substring(0, exit + 1) + block + base.substring(exit + 1);
        }
        return (base.endsWith("\n") ? base : base + "\n") + block;
    }

    @Override
    public Verification verify(NodeConnection oldConnection) throws NodeException {
        // stop trying well before the guard can revert, so a late answer never races the revert
        Instant giveUp = plannedAt.plus(deadline).minusSeconds(4);
        NodeException last = null;
        while (Instant.now().isBefore(giveUp)) {
            try (NodeConnection fresh = reconnect.open()) {
                if (fresh.run("[ -e " + Shell.quote(revertedFlag()) + " ]").ok()) {
                    throw new NodeException("The node answered only after its guard had reverted the network: nothing"
                            + " is bridged, its previous network and files are back.");
                }
                if (!fresh.run("[ -e " + Shell.quote(switchedFlag()) + " ]").ok()) {
                    sleep();
                    continue;
                }
                String state = fresh.run("ip -o link show dev " + Shell.quote(physical) + " | grep -o 'master [^ ]*';"
                        + " ip -o addr show dev " + Shell.quote(bridge) + " scope global | awk '{print $4}'").stdout();
                List<String> problems = new ArrayList<>();
                if (!state.contains("master " + bridge)) {
                    problems.add(physical + " is not in " + bridge);
                }
                if (!problems.isEmpty()) {
                    return new Verification(problems);
                }
                fresh.run("touch " + Shell.quote(confirmFlag()) + "; " + stopSleepingGuard()
                        + "; rm -rf " + Shell.quote(STATE_DIR + "/" + id) + " " + Shell.quote(guardPath())).requireOk();
                return Verification.ok();
            } catch (NodeException e) {
                last = e;
                sleep();
            }
        }
        oldConnection.close();
        throw new NodeException("No answer from " + oldConnection.target().display() + " after the switch to " + bridge
                + (last == null ? "" : " (" + last.getMessage() + ")") + ". It was not confirmed: the node restores its"
                + " previous network and files by itself " + deadline.toSeconds() + " s after the guard was armed.", last);
    }

    private static void sleep() throws NodeException {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException.Cancelled("interrupted while reconnecting");
        }
    }
}
