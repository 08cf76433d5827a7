package org.slapdesk.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.forward.Forward;
import org.slapdesk.remote.action.forward.FrontendBinds;
import org.slapdesk.remote.action.forward.SocatForwardAction;
import org.slapdesk.remote.action.forward.SocatForwards;
import org.slapdesk.remote.action.kvm.KvmAction;
import org.slapdesk.remote.action.network.TemporaryIpv6Action;
import org.slapdesk.remote.action.slapos.FormatAction;
import org.slapdesk.remote.action.slapos.Ipv6SettingsAction;
import org.slapdesk.remote.action.slapos.NodeLogs;
import org.slapdesk.remote.action.slapos.ProcessStatus;
import org.slapdesk.remote.action.slapos.RegisterAction;
import org.slapdesk.remote.action.slapos.RepurposeAction;
import org.slapdesk.remote.action.slapos.RestartProcessAction;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.action.storage.ExtraStorageAction;
import org.slapdesk.remote.action.storage.RemoveStorageAction;
import org.slapdesk.remote.ssh.OutputListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slapdesk node ACTION --host H [--user U --port P --key F --jump J] [options] [--dry-run] [--yes]}:
 * runs a node action over SSH. Every changing action prints its plan first; {@code --dry-run}
 * stops there, and without {@code --yes} it asks before applying.
 */
@Command(
        name = "node",
        description = "Runs an action on a SlapOS node over SSH.",
        subcommands = {
            NodeCommand.Ipv6.class,
            NodeCommand.LoIpv6.class,
            NodeCommand.Status.class,
            NodeCommand.Restart.class,
            NodeCommand.Logs.class,
            NodeCommand.Register.class,
            NodeCommand.Format.class,
            NodeCommand.Repurpose.class,
            NodeCommand.Kvm.class,
            NodeCommand.ForwardCommand.class,
            NodeCommand.Storage.class,
            NodeBridgeCommand.class,
            NodeUnbridgeCommand.class,
            NodeImportCommand.class,
            NodeRe6stCommand.class,
            NodeHaCommand.class
        })
public final class NodeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Inherited by every sub-command, so `node ACTION --help` shows usage even when ACTION has required arguments. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = CommandLine.ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean helpRequested;

    /** Read by {@link SlapdeskCommand#main} before logging starts; declared here so picocli accepts it. */
    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Also print the SSH library's log (connection details) on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** --dry-run and --yes. */
    static final class ApplyOptions {
        @Option(names = "--dry-run", description = "Print the plan (commands and file diffs) and change nothing.")
        boolean dryRun;

        @Option(names = "--yes", description = "Apply without asking.")
        boolean yes;
    }

    /** Where slapos is on the node. */
    static final class SlaposOptions {
        @Option(
                names = "--slapos",
                defaultValue = "slapos",
                description = "The slapos command on the node (default: ${DEFAULT-VALUE}).")
        String command;

        @Option(
                names = "--config",
                defaultValue = "/etc/opt/slapos/slapos.cfg",
                description = "slapos.cfg on the node (default: ${DEFAULT-VALUE}).")
        String config;

        SlaposNode node() {
            return new SlaposNode(command, config);
        }
    }

    /** Base of the sub-commands: the terminal's streams and the runner. */
    abstract static class NodeSubcommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        NodeTargets targets;

        NodeRun run() {
            return new NodeRun(
                    targets, spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        /** Validates input before anything connects: a bad value ends here with its reason. */
        int invalid(IllegalArgumentException e) {
            spec.commandLine().getErr().println("slapdesk node " + spec.name() + ": " + e.getMessage());
            return 2;
        }

        /** Builds the action first (bad input ends with its reason, unconnected), then runs it on every target. */
        int apply(Supplier<? extends NodeAction> build, ApplyOptions apply) {
            NodeAction action;
            try {
                action = build.get();
            } catch (IllegalArgumentException e) {
                return invalid(e);
            }
            return run().action(node -> action, apply.dryRun, apply.yes);
        }
    }

    @Command(name = "ipv6", description = "IPv6 settings of slapos.cfg (re6st: ipv6_interface = lo; native; tap-vpn).")
    static final class Ipv6 extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Mixin
        SlaposOptions slapos;

        @Option(names = "--mode", required = true, description = "re6st, native or tap-vpn")
        String mode;

        @Option(
                names = "--interface",
                defaultValue = "eth0",
                description = "interface_name (default: ${DEFAULT-VALUE})")
        String iface;

        @Override
        public Integer call() {
            return apply(
                    () -> new Ipv6SettingsAction(slapos.config, Ipv6SettingsAction.Mode.parse(mode), iface), apply);
        }
    }

    @Command(
            name = "lo-ipv6",
            description = "Adds or removes a temporary IPv6 address (ip -6 addr add fc01::1/32 dev lo).")
    static final class LoIpv6 extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Parameters(index = "0", description = "add or remove")
        String operation;

        @Option(
                names = "--address",
                defaultValue = TemporaryIpv6Action.DEFAULT_ADDRESS,
                description = "(default: ${DEFAULT-VALUE})")
        String address;

        @Option(names = "--device", defaultValue = "lo", description = "(default: ${DEFAULT-VALUE})")
        String device;

        @Override
        public Integer call() {
            return apply(
                    () -> new TemporaryIpv6Action(TemporaryIpv6Action.Operation.parse(operation), address, device),
                    apply);
        }
    }

    @Command(name = "status", description = "The processes of the node's partitions (slapos node status).")
    static final class Status extends NodeSubcommand {
        @Mixin
        SlaposOptions slapos;

        @Override
        public Integer call() {
            return run().query((node, out) -> {
                for (ProcessStatus p : slapos.node().status(node)) {
                    out.printf("%-50s %-9s %s%n", p.fullName(), p.state(), p.description());
                }
            });
        }
    }

    @Command(name = "restart", description = "Restarts one process, e.g. slappart0:nginx-on-watch.")
    static final class Restart extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Mixin
        SlaposOptions slapos;

        @Parameters(index = "0")
        String process;

        @Override
        public Integer call() {
            return apply(() -> new RestartProcessAction(slapos.node(), process), apply);
        }
    }

    @Command(name = "logs", description = "Follows the software or instance log (or a file) for a while.")
    static final class Logs extends NodeSubcommand {
        @Parameters(index = "0", description = "software, instance or an absolute path")
        String which;

        @Option(
                names = "--lines",
                defaultValue = "50",
                description = "how many last lines to print first (default: ${DEFAULT-VALUE})")
        int lines;

        @Option(
                names = "--follow-seconds",
                defaultValue = "0",
                description = "keep following this long (0: print and stop)")
        int seconds;

        @Override
        public Integer call() {
            String path =
                    switch (which) {
                        case "software" -> NodeLogs.SOFTWARE_LOG;
                        case "instance" -> NodeLogs.INSTANCE_LOG;
                        default -> which;
                    };
            return run().query((node, out) -> NodeLogs.follow(
                    node,
                    path,
                    lines,
                    Duration.ofSeconds(Math.max(1, seconds)),
                    new OutputListener() {
                        @Override
                        public void stdout(String line) {
                            out.println(line);
                            out.flush();
                        }

                        @Override
                        public void stderr(String line) {
                            out.println(line);
                        }
                    },
                    CancellationToken.none()));
        }
    }

    @Command(name = "register", description = "slapos node register NAME with a token from the master.")
    static final class Register extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Mixin
        SlaposOptions slapos;

        @Parameters(index = "0", description = "the node's name")
        String name;

        @Option(
                names = "--token",
                required = true,
                description = "the registration token the master issued for this node")
        String token;

        @Option(
                names = "--interface",
                defaultValue = "lo",
                description = "interface_name for slapos.cfg (default: ${DEFAULT-VALUE})")
        String iface;

        @Option(
                names = "--partitions",
                defaultValue = "20",
                description = "how many partitions the node offers (default: ${DEFAULT-VALUE})")
        int partitions;

        // required: a silent default would register the node with a public master by mistake
        @Option(
                names = "--master-url",
                required = true,
                description = "the SlapOS master's API URL the node registers with, e.g. https://slap.example.org")
        String masterUrl;

        @Option(
                names = "--master-url-web",
                required = true,
                description = "the master's web (panel) URL, e.g. https://panel.example.org")
        String masterUrlWeb;

        @Override
        public Integer call() {
            return apply(
                    () -> new RegisterAction(
                            slapos.node(),
                            RegisterAction.Options.of(name, token, iface, partitions)
                                    .withMaster(masterUrl, masterUrlWeb)),
                    apply);
        }
    }

    @Command(name = "format", description = "slapos node format --now [--alter_user=True].")
    static final class Format extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Mixin
        SlaposOptions slapos;

        @Option(names = "--alter-user", description = "create the partition users (first format after register)")
        boolean alterUser;

        @Override
        public Integer call() {
            return apply(() -> new FormatAction(slapos.node(), alterUser), apply);
        }
    }

    @Command(name = "repurpose", description = "A new partition count in slapos.cfg, then format.")
    static final class Repurpose extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Mixin
        SlaposOptions slapos;

        @Option(names = "--partitions", required = true, description = "the new number of partitions")
        int partitions;

        @Override
        public Integer call() {
            return apply(() -> new RepurposeAction(slapos.node(), partitions), apply);
        }
    }

    @Command(name = "kvm", description = "KVM modules and /dev/kvm for virtual machines.")
    static final class Kvm extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Override
        public Integer call() {
            return run().action(node -> new KvmAction(), apply.dryRun, apply.yes);
        }
    }

    @Command(
            name = "forward",
            description = "socat forwards: add, remove, list, binds (the frontend's Caddyfile addresses).")
    static final class ForwardCommand extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Parameters(index = "0", description = "add, remove, list or binds")
        String operation;

        @Option(names = "--listen", description = "port to listen on (80, 443, 9201...)")
        Integer listen;

        @Option(names = "--bind", description = "listen only on this IPv4 address")
        String bind;

        @Option(names = "--target", description = "ADDRESS:PORT, e.g. 10.0.97.156:8080")
        String target;

        @Option(
                names = "--instance-root",
                defaultValue = "/srv/slapgrid",
                description = "where binds looks for the partitions' Caddyfiles (default: ${DEFAULT-VALUE})")
        String instanceRoot;

        @Override
        public Integer call() {
            if (operation.equals("list")) {
                return run().query((node, out) -> SocatForwards.list(node).forEach(i -> out.println(i.describe())));
            }
            if (operation.equals("binds")) {
                return run().query((node, out) ->
                        FrontendBinds.find(node, instanceRoot).forEach(b -> out.println(b.describe())));
            }
            return apply(
                    () -> {
                        SocatForwardAction.Operation op = SocatForwardAction.Operation.parse(operation);
                        if (listen == null) {
                            throw new IllegalArgumentException("add and remove need --listen PORT");
                        }
                        if (op == SocatForwardAction.Operation.REMOVE) {
                            if (target != null) {
                                throw new IllegalArgumentException(
                                        "remove takes --listen PORT [--bind ADDRESS] only: the forward"
                                                + " listening there is removed, whatever its target");
                            }
                            return SocatForwardAction.removing(listen, Optional.ofNullable(bind));
                        }
                        if (target == null) {
                            throw new IllegalArgumentException("add needs --target ADDRESS:PORT");
                        }
                        return new SocatForwardAction(op, Forward.to(listen, Optional.ofNullable(bind), target));
                    },
                    apply);
        }
    }

    @Command(
            name = "storage",
            description = {
                "add: extra disks mounted on the next free BASE/dataN, fstab by UUID, instance_storage_home, format.",
                "remove: one extra disk unmounted and out of fstab (instance_storage_home goes with the last one)."
            })
    static final class Storage extends NodeSubcommand {
        @Mixin
        ApplyOptions apply;

        @Mixin
        SlaposOptions slapos;

        @Parameters(
                index = "0",
                arity = "0..1",
                defaultValue = "add",
                paramLabel = "add|remove",
                description = "add disks (the default) or remove one")
        String operation;

        @Option(
                names = "--device",
                description =
                        "add: a disk with a file system, e.g. /dev/sdb1 (repeat for more); remove: the disk to take out")
        List<String> devices;

        @Option(
                names = "--mount",
                paramLabel = "BASE/dataN",
                description = "remove: the disk mounted there, e.g. /data/data2 (instead of --device)")
        String mount;

        @Option(
                names = "--base",
                defaultValue = "/data",
                description =
                        "the storage folder: the disks are mounted on BASE/data1, BASE/data2... (default: ${DEFAULT-VALUE})")
        String base;

        @Option(names = "--no-format", description = "add: do not run slapos node format afterwards")
        boolean noFormat;

        @Override
        public Integer call() {
            return apply(
                    () -> switch (operation) {
                        case "add" -> {
                            if (mount != null) {
                                throw new IllegalArgumentException("add takes --device (one per disk), not --mount");
                            }
                            yield new ExtraStorageAction(
                                    slapos.node(), devices == null ? List.of() : devices, base, !noFormat);
                        }
                        case "remove" -> {
                            if (devices != null && devices.size() > 1) {
                                throw new IllegalArgumentException("remove takes one disk at a time");
                            }
                            yield RemoveStorageAction.of(
                                    slapos.node(), devices == null ? null : devices.get(0), mount, base);
                        }
                        default ->
                            throw new IllegalArgumentException(
                                    "'" + operation + "' is not a storage operation: add or remove");
                    },
                    apply);
        }
    }
}
