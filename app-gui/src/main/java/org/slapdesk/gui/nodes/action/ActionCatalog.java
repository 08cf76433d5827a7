package org.slapdesk.gui.nodes.action;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.Choice;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.bridge.Addressing;
import org.slapdesk.remote.action.bridge.BridgeAction;
import org.slapdesk.remote.action.bridge.BridgeSettings;
import org.slapdesk.remote.action.bridge.UnbridgeAction;
import org.slapdesk.remote.action.bridge.UnbridgeSettings;
import org.slapdesk.remote.action.forward.Forward;
import org.slapdesk.remote.action.forward.FrontendBinds;
import org.slapdesk.remote.action.forward.SocatForwardAction;
import org.slapdesk.remote.action.forward.SocatForwards;
import org.slapdesk.remote.action.ha.OpenSvc;
import org.slapdesk.remote.action.ha.OpenSvcAction;
import org.slapdesk.remote.action.ha.ServicePath;
import org.slapdesk.remote.action.kvm.KvmAction;
import org.slapdesk.remote.action.network.TemporaryIpv6Action;
import org.slapdesk.remote.action.re6st.Re6stConfigAction;
import org.slapdesk.remote.action.re6st.Re6stInstallAction;
import org.slapdesk.remote.action.re6st.Re6stSettings;
import org.slapdesk.remote.action.re6st.Re6stStatus;
import org.slapdesk.remote.action.slapos.FormatAction;
import org.slapdesk.remote.action.slapos.Ipv6SettingsAction;
import org.slapdesk.remote.action.slapos.ProcessStatus;
import org.slapdesk.remote.action.slapos.RegisterAction;
import org.slapdesk.remote.action.slapos.RepurposeAction;
import org.slapdesk.remote.action.storage.ExtraStorageAction;
import org.slapdesk.remote.action.storage.RemoveStorageAction;

/**
 * Every node procedure the wizard offers, built from its form the
 * way {@code slapdesk node ...} builds it from options.
 */
public final class ActionCatalog {

    private ActionCatalog() {}

    public static List<ActionSpec> all() {
        return List.of(
                ipv6(),
                temporaryIpv6(),
                register(),
                format(),
                repurpose(),
                kvm(),
                bridge(),
                unbridge(),
                forward(),
                forwardList(),
                storage(),
                removeStorage(),
                re6stInstall(),
                re6stConfig(),
                re6stStatus(),
                haStatus(),
                haOperate(),
                status());
    }

    public static Optional<ActionSpec> find(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    static ActionSpec ipv6() {
        return ActionSpec.change(
                "ipv6",
                "IPv6 settings of slapos.cfg",
                "Where the partitions get IPv6 from, in slapos.cfg.",
                List.of(
                        ActionField.choice(
                                "mode",
                                "Mode",
                                Choice.words(Ipv6SettingsAction.Mode.class),
                                "re6st: the node gets IPv6 from re6st; native: from its network; tap-vpn: over the VPN's tap"),
                        ActionField.text("interface", "Interface", "eth0", "interface_name in slapos.cfg")),
                (v, c) -> new Ipv6SettingsAction(
                        c.slapos().configPath(), Ipv6SettingsAction.Mode.parse(v.text("mode")), v.text("interface")));
    }

    static ActionSpec temporaryIpv6() {
        return ActionSpec.change(
                "lo-ipv6",
                "Temporary IPv6 address",
                "Adds (or removes) an IPv6 address on an interface of the node until its next reboot.",
                List.of(
                        ActionField.choice(
                                "operation", "Operation", Choice.words(TemporaryIpv6Action.Operation.class), ""),
                        ActionField.text(
                                "address",
                                "Address",
                                TemporaryIpv6Action.DEFAULT_ADDRESS,
                                "with its prefix, e.g. fc01::1/32"),
                        ActionField.text("device", "Device", "lo", "")),
                (v, c) -> new TemporaryIpv6Action(
                        TemporaryIpv6Action.Operation.parse(v.text("operation")), v.text("address"), v.text("device")));
    }

    static ActionSpec register() {
        return ActionSpec.change(
                "register",
                "Register the node",
                "Makes the node a server of a master, with a token from that master (the token is never shown).",
                List.of(
                        ActionField.text("name", "Node name", "", "the computer title on the master"),
                        ActionField.secret("token", "Token", "from the master's Token page (Servers → Token)"),
                        ActionField.text("interface", "Interface", "lo", "interface_name"),
                        ActionField.text("partitions", "Partitions", "20", "1-2000"),
                        ActionField.text(
                                "master", "Master URL", "", "the master's API URL, e.g. https://slap.example.org"),
                        ActionField.text(
                                "web",
                                "Master web URL",
                                "",
                                "the master's web (panel) URL, e.g. https://panel.example.org")),
                (v, c) -> {
                    RegisterAction.Options options = RegisterAction.Options.of(
                            v.required("name", "Node name"),
                            v.required("token", "Token"),
                            v.text("interface"),
                            v.integer("partitions", "Partitions"));
                    // no silent default: a node registered with the wrong master is hard to take back
                    String master = v.text("master");
                    if (master.isEmpty()) {
                        throw new InvalidInputException("Master URL is required: the API URL of the master the node"
                                + " registers with (filled in from the profile's master when one is open),"
                                + " e.g. https://slap.example.org");
                    }
                    String web = v.text("web");
                    if (web.isEmpty()) {
                        throw new InvalidInputException("Master web URL is required: the master's web (panel) URL,"
                                + " e.g. https://panel.example.org (the embedded master's is its own URL)");
                    }
                    return new RegisterAction(c.slapos(), options.withMaster(master, web));
                });
    }

    static ActionSpec format() {
        return ActionSpec.change(
                "format",
                "Format the node",
                "Creates the node's partitions, their users and network; the first time after register, with the users.",
                List.of(ActionField.flag("alter-user", "Create the partition users (--alter_user)", false, "")),
                (v, c) -> new FormatAction(c.slapos(), v.flag("alter-user")));
    }

    static ActionSpec repurpose() {
        return ActionSpec.change(
                "repurpose",
                "Repurpose (partition count)",
                "Gives the node more partitions: a new count in slapos.cfg, then the partitions are created.",
                List.of(ActionField.text("partitions", "Partitions", "", "1-2000")),
                (v, c) -> new RepurposeAction(c.slapos(), v.integer("partitions", "Partitions")));
    }

    static ActionSpec kvm() {
        return ActionSpec.change(
                "kvm",
                "Enable KVM",
                "Loads the KVM modules and opens /dev/kvm so the node can run virtual machines.",
                List.of(),
                (v, c) -> new KvmAction());
    }

    static ActionSpec bridge() {
        return ActionSpec.change(
                "bridge",
                "Bridge for virtual machines",
                "Puts the node's interface in a bridge for virtual machines and points slapos.cfg at it; the node puts"
                        + " its previous network back by itself unless the console gets in again and confirms.",
                List.of(
                        ActionField.choice(
                                "style",
                                "Style",
                                Choice.words(BridgeSettings.Style.class),
                                "debian: /etc/network/interfaces; generic: ip commands in /etc/rc.local"),
                        ActionField.text("bridge", "Bridge", "br0", ""),
                        ActionField.text("interface", "Interface", "eth0", "the physical interface put in the bridge"),
                        ActionField.choice(
                                "addressing",
                                "Addresses",
                                Addressing.CHOICES,
                                "default: DHCP for debian, the current addresses for generic"),
                        ActionField.text(
                                "addresses", "Static addresses", "", "with static: e.g. 192.0.2.10/24 2001:db8::10/64"),
                        ActionField.text("gateway4", "IPv4 gateway", "", "with static"),
                        ActionField.text("gateway6", "IPv6 gateway", "", "with static"),
                        ActionField.flag("slapos-config", "Set interface_name and create_tap in slapos.cfg", true, ""),
                        ActionField.text("confirm", "Confirm within (s)", "120", "15-3600")),
                ActionCatalog::bridgeAction);
    }

    private static BridgeAction bridgeAction(ActionValues v, ActionContext c) {
        BridgeSettings.Style style = BridgeSettings.Style.parse(v.text("style"));
        Addressing how = Addressing.choose(
                v.text("addressing"), style, v.words("addresses"), v.optional("gateway4"), v.optional("gateway6"));
        BridgeSettings settings = new BridgeSettings(
                style,
                v.text("bridge"),
                v.text("interface"),
                how,
                v.flag("slapos-config") ? Optional.of(c.slapos().configPath()) : Optional.empty(),
                Duration.ofSeconds(v.integer("confirm", "Confirm within")));
        return new BridgeAction(settings, c.reconnect());
    }

    static ActionSpec unbridge() {
        return ActionSpec.change(
                "unbridge",
                "Undo the bridge",
                "Takes the interface out of the bridge and deletes the bridge, puts the node's network files and"
                        + " slapos.cfg back as before the bridge; the node rebuilds the bridge by itself unless the"
                        + " console gets in again and confirms.",
                List.of(
                        ActionField.choice(
                                "style",
                                "Style",
                                Choice.words(BridgeSettings.Style.class),
                                "how the bridge was made: debian (/etc/network/interfaces) or generic (/etc/rc.local)"),
                        ActionField.text("bridge", "Bridge", "br0", ""),
                        ActionField.text("interface", "Interface", "eth0", "the physical interface in the bridge"),
                        ActionField.flag("slapos-config", "Set interface_name back in slapos.cfg", true, ""),
                        ActionField.text("confirm", "Confirm within (s)", "120", "15-3600")),
                (v, c) -> new UnbridgeAction(
                        new UnbridgeSettings(
                                BridgeSettings.Style.parse(v.text("style")),
                                v.text("bridge"),
                                v.text("interface"),
                                v.flag("slapos-config") ? Optional.of(c.slapos().configPath()) : Optional.empty(),
                                Duration.ofSeconds(v.integer("confirm", "Confirm within"))),
                        c.reconnect()));
    }

    static ActionSpec forward() {
        return ActionSpec.change(
                "forward",
                "socat forward (add / remove)",
                "Adds or removes a port forward the node keeps running across reboots, e.g. port 80 to 10.0.97.156:8080.",
                List.of(
                        ActionField.choice(
                                "operation", "Operation", Choice.words(SocatForwardAction.Operation.class), ""),
                        ActionField.text("listen", "Listen port", "", "80, 443, 9201…"),
                        ActionField.text("bind", "Bind address", "", "optional: listen only on this IPv4 address"),
                        ActionField.text("target", "Target", "", "ADDRESS:PORT, e.g. 10.0.97.156:8080")),
                (v, c) -> new SocatForwardAction(
                        SocatForwardAction.Operation.parse(v.text("operation")),
                        Forward.to(
                                Validate.port(v.required("listen", "Listen port")),
                                v.optional("bind"),
                                v.required("target", "Target"))));
    }

    static ActionSpec forwardList() {
        return ActionSpec.read(
                "forward-list",
                "socat forwards (list)",
                "Lists the port forwards made from here, whether each runs, and the ports the frontend listens on.",
                List.of(ActionField.text(
                        "instance-root", "Instance root", "/srv/slapgrid", "where the frontend's partitions are")),
                v -> Validate.absolutePath(v.text("instance-root")),
                (node, v, c) -> {
                    StringBuilder out = new StringBuilder();
                    List<SocatForwards.Installed> forwards = SocatForwards.list(node);
                    out.append(forwards.isEmpty() ? "no socat forward\n" : "");
                    forwards.forEach(i -> out.append(i.describe()).append('\n'));
                    for (FrontendBinds.Bind b : FrontendBinds.find(node, v.text("instance-root"))) {
                        out.append("frontend ").append(b.describe()).append('\n');
                    }
                    return out.toString();
                });
    }

    /** {@code slapos node status}: one line per process; mostly useful on many nodes at once. */
    static ActionSpec status() {
        return ActionSpec.read(
                "status",
                "Status of the processes",
                "Every process of the node's partitions, with its state and pid.",
                List.of(),
                v -> {},
                (node, v, c) -> {
                    List<ProcessStatus> processes = c.slapos().status(node);
                    StringBuilder out = new StringBuilder();
                    out.append(processes.isEmpty() ? "no process\n" : "");
                    for (ProcessStatus p : processes) {
                        out.append(p.fullName())
                                .append("  ")
                                .append(p.state())
                                .append(p.pid().isPresent() ? "  pid " + p.pid().getAsLong() : "")
                                .append('\n');
                    }
                    return out.toString();
                });
    }

    static ActionSpec storage() {
        return ActionSpec.change(
                "storage",
                "Extra storage",
                "Mounts extra disks on the next free /data/dataN (kept across reboots) and gives the partitions room on"
                        + " them.",
                List.of(
                        ActionField.text(
                                "devices", "Devices", "", "disks with a file system, e.g. /dev/sdb1 /dev/sdc1"),
                        ActionField.text("base", "Mount base", "/data", ""),
                        ActionField.flag("format", "Run slapos node format afterwards", true, "")),
                (v, c) -> {
                    if (v.words("devices").isEmpty()) {
                        throw new InvalidInputException("Devices: give at least one disk, e.g. /dev/sdb1");
                    }
                    return new ExtraStorageAction(c.slapos(), v.words("devices"), v.text("base"), v.flag("format"));
                });
    }

    static ActionSpec removeStorage() {
        return ActionSpec.change(
                "remove-disk",
                "Remove an extra disk",
                "Unmounts an extra disk and takes it out of the disks mounted at boot; with the last one, the"
                        + " partitions stop using the extra storage. Refused while a partition keeps files on it.",
                List.of(
                        ActionField.text("device", "Device", "", "the disk, e.g. /dev/sdc1 (or give its folder)"),
                        ActionField.text("folder", "Folder", "", "or where it is mounted, e.g. /data/data2"),
                        ActionField.text("base", "Mount base", "/data", "")),
                (v, c) -> RemoveStorageAction.of(c.slapos(), v.text("device"), v.text("folder"), v.text("base")));
    }

    static ActionSpec re6stInstall() {
        return ActionSpec.change(
                "re6st-install",
                "re6st: install",
                "Installs re6st on the node with its package manager.",
                List.of(),
                (v, c) -> new Re6stInstallAction());
    }

    static ActionSpec re6stConfig() {
        return ActionSpec.change(
                "re6st-config",
                "re6st: configure",
                "Points re6st at its registry (and, with a token, gets the node's certificate); can restart re6st.",
                List.of(
                        ActionField.text("registry", "Registry URL", "", "e.g. http://51.159.66.11:9201/"),
                        ActionField.secret("token", "Token", "optional: the re6st token (never shown)"),
                        ActionField.text(
                                "ip", "Public IP", "", "optional: the address a first (gateway) node announces"),
                        ActionField.choice("gateway", "Gateway line", List.of("unchanged", "add", "remove"), ""),
                        ActionField.flag("restart", "Restart re6stnet afterwards", false, ""),
                        ActionField.text("dir", "Folder", Re6stSettings.DEFAULT_DIR, "")),
                (v, c) -> new Re6stConfigAction(new Re6stSettings(
                        v.text("dir"),
                        v.optional("registry"),
                        v.optional("token"),
                        v.optional("ip"),
                        switch (v.text("gateway")) {
                            case "add" -> Optional.of(true);
                            case "remove" -> Optional.of(false);
                            default -> Optional.empty();
                        },
                        v.flag("restart"))));
    }

    static ActionSpec re6stStatus() {
        return ActionSpec.read(
                "re6st-status",
                "re6st: status",
                "Whether re6st runs on the node, and how that was found.",
                List.of(),
                v -> {},
                (node, v, c) -> Re6stStatus.of(node).describe() + "\n");
    }

    static ActionSpec haStatus() {
        return ActionSpec.read(
                "ha-status",
                "OpenSVC: status",
                "Where a highly available service runs and the state of its parts; with no service, the whole cluster.",
                List.of(
                        ActionField.text(
                                "path",
                                "Service path",
                                "",
                                "namespace/kind/name, e.g. slapos/svc/comp1; empty: the whole cluster"),
                        ActionField.flag("refresh", "Evaluate every resource now (-r)", false, "")),
                v -> v.optional("path").ifPresent(ServicePath::parse),
                (node, v, c) -> {
                    OpenSvc om = OpenSvc.standard();
                    om.requireInstalled(node);
                    return v.optional("path").isPresent()
                            ? om.status(node, ServicePath.parse(v.text("path")), v.flag("refresh"))
                                    .describe()
                            : om.monitor(node).describe();
                });
    }

    static ActionSpec haOperate() {
        return ActionSpec.change(
                "ha-operate",
                "OpenSVC: start / switch / stop",
                "Starts a highly available service, moves it to another node or stops it, then waits until it shows the change.",
                List.of(
                        ActionField.choice("operation", "Operation", Choice.words(OpenSvcAction.Operation.class), ""),
                        ActionField.text("path", "Service path", "", "namespace/kind/name, e.g. slapos/svc/comp1"),
                        ActionField.text(
                                "wait", "Wait (s)", "120", "how long to wait for the service to show the change")),
                (v, c) -> {
                    OpenSvcAction.Operation op = OpenSvcAction.Operation.parse(v.text("operation"));
                    int wait = v.integer("wait", "Wait");
                    if (wait < 0) {
                        throw new InvalidInputException("Wait must be 0 or more seconds");
                    }
                    return new OpenSvcAction(
                            OpenSvc.standard(),
                            ServicePath.parse(v.required("path", "Service path")),
                            op,
                            Duration.ofSeconds(wait));
                });
    }
}
