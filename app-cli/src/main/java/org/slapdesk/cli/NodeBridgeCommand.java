package org.slapdesk.cli;

import java.io.Console;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.bridge.Addressing;
import org.slapdesk.remote.action.bridge.BridgeAction;
import org.slapdesk.remote.action.bridge.BridgeSettings;
import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.PassphrasePrompt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slapdesk node bridge}: a bridge for virtual machines (seed 000) under confirm-or-revert:
 * after the switch, slapdesk gets in again over a new SSH connection and confirms; if it cannot,
 * the node puts its previous network and files back by itself.
 */
@Command(name = "bridge", description = {"A bridge for VMs (Debian /etc/network/interfaces or generic /etc/rc.local),"
        + " then slapos.cfg interface_name and create_tap.", "The node reverts by itself unless slapdesk gets in again"
        + " over a new SSH connection within --confirm-within seconds of the switch."})
final class NodeBridgeCommand extends NodeCommand.NodeSubcommand {

    @Mixin NodeCommand.ApplyOptions apply;

    @Option(names = "--style", defaultValue = "debian", paramLabel = "debian|generic",
            description = "debian: /etc/network/interfaces; generic: ip commands in /etc/rc.local (default: ${DEFAULT-VALUE})")
    String style;

    @Option(names = "--bridge", defaultValue = "br0", paramLabel = "NAME", description = "bridge name (default: ${DEFAULT-VALUE})")
    String bridge;

    @Option(names = "--interface", defaultValue = "eth0", paramLabel = "NAME",
            description = "the physical interface put in the bridge (default: ${DEFAULT-VALUE})")
    String port;

    @ArgGroup(exclusive = true)
    AddressingOptions addressing;

    static final class AddressingOptions {
        @Option(names = "--dhcp", description = "the bridge gets its address by DHCP (debian style; its default)")
        boolean dhcp;

        @Option(names = "--keep-addresses", description = "the bridge takes the interface's current addresses and routes (generic default)")
        boolean keep;

        @Option(names = "--address", arity = "1..*", paramLabel = "CIDR", description = "static addresses, e.g. 192.0.2.10/24 2001:db8::10/64")
        List<String> addresses;
    }

    @Option(names = "--gateway4", paramLabel = "ADDRESS", description = "IPv4 default gateway (with --address)")
    String gateway4;

    @Option(names = "--gateway6", paramLabel = "ADDRESS", description = "IPv6 default gateway (with --address)")
    String gateway6;

    @Option(names = "--config", defaultValue = "/etc/opt/slapos/slapos.cfg", paramLabel = "FILE",
            description = "slapos.cfg to set interface_name and create_tap in (default: ${DEFAULT-VALUE})")
    String slaposConfig;

    @Option(names = "--no-slapos-config", description = "do not touch slapos.cfg")
    boolean noSlaposConfig;

    @Option(names = "--confirm-within", defaultValue = "120", paramLabel = "SECONDS",
            description = "the node reverts unless confirmed within this time after the switch (default: ${DEFAULT-VALUE})")
    long confirmWithin;

    @Override
    public Integer call() {
        BridgeSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            return invalid(e);
        }
        return run().action(node -> new BridgeAction(settings, Reconnect.to(node.target(),
                ConnectOptions.defaults().withPassphrasePrompt(consolePassphrase()), Duration.ofSeconds(5))),
                apply.dryRun, apply.yes);
    }

    BridgeSettings settings() {
        BridgeSettings.Style chosen = switch (style) {
            case "debian" -> BridgeSettings.Style.DEBIAN;
            case "generic" -> BridgeSettings.Style.GENERIC;
            default -> throw new InvalidInputException("--style is debian or generic, not '" + style + "'");
        };
        Addressing how;
        if (addressing != null && addressing.addresses != null) {
            how = new Addressing.Static(addressing.addresses, Optional.ofNullable(gateway4), Optional.ofNullable(gateway6));
        } else if (gateway4 != null || gateway6 != null) {
            throw new InvalidInputException("--gateway4 / --gateway6 go with --address");
        } else if (addressing != null && addressing.dhcp) {
            how = new Addressing.Dhcp();
        } else if (addressing != null && addressing.keep) {
            how = new Addressing.KeepCurrent();
        } else {
            how = chosen == BridgeSettings.Style.DEBIAN ? new Addressing.Dhcp() : new Addressing.KeepCurrent();
        }
        return new BridgeSettings(chosen, bridge, port, how,
                noSlaposConfig ? Optional.empty() : Optional.of(slaposConfig), Duration.ofSeconds(confirmWithin));
    }

    /** The new connection that confirms may need the key's passphrase again (the host key is known by then). */
    private static PassphrasePrompt consolePassphrase() {
        return file -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("Passphrase for %s (to confirm the new network): ", file);
        };
    }
}
