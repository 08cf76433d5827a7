package org.slapdesk.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.bridge.Addressing;
import org.slapdesk.remote.action.bridge.BridgeAction;
import org.slapdesk.remote.action.bridge.BridgeSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slapdesk node bridge}: a bridge for virtual machines (seed 000) under confirm-or-revert:
 * after the switch, slapdesk reconnects over a new SSH connection and confirms; if it cannot,
 * the node puts its previous network back by itself. With {@code --hosts-file}, each host does
 * this on its own.
 */
@Command(
        name = "bridge",
        exitCodeOnInvalidInput = 1,
        description = {
            "Puts the node's interface in a bridge for VMs and sets slapos.cfg interface_name and create_tap.",
            "The node reverts by itself unless slapdesk gets in again over a new SSH connection within"
                    + " --confirm-within seconds."
        })
final class NodeBridgeCommand extends NodeActionCommand {

    @Option(
            names = "--style",
            defaultValue = "debian",
            paramLabel = "debian|generic",
            description =
                    "debian: /etc/network/interfaces; generic: ip commands in /etc/rc.local (default: ${DEFAULT-VALUE})")
    String style;

    @Option(
            names = "--bridge",
            defaultValue = "br0",
            paramLabel = "NAME",
            description = "bridge name (default: ${DEFAULT-VALUE})")
    String bridge;

    @Option(
            names = "--interface",
            defaultValue = "eth0",
            paramLabel = "NAME",
            description = "the physical interface put in the bridge (default: ${DEFAULT-VALUE})")
    String port;

    @ArgGroup(exclusive = true)
    AddressingOptions addressing;

    static final class AddressingOptions {
        @Option(names = "--dhcp", description = "the bridge gets its address by DHCP (debian style; the default there)")
        boolean dhcp;

        @Option(
                names = "--keep-addresses",
                description = "the bridge takes the interface's current addresses and routes (the generic default)")
        boolean keep;

        @Option(
                names = "--address",
                arity = "1..*",
                paramLabel = "CIDR",
                description = "static addresses, e.g. 192.0.2.10/24 2001:db8::10/64")
        List<String> addresses;
    }

    @Option(names = "--gateway4", paramLabel = "ADDRESS", description = "IPv4 default gateway (with --address)")
    String gateway4;

    @Option(names = "--gateway6", paramLabel = "ADDRESS", description = "IPv6 default gateway (with --address)")
    String gateway6;

    @Option(
            names = "--slapos-config",
            defaultValue = "/etc/opt/slapos/slapos.cfg",
            paramLabel = "FILE",
            description = "slapos.cfg to set interface_name and create_tap in (default: ${DEFAULT-VALUE})")
    String slaposConfig;

    @Option(names = "--no-slapos-config", description = "do not touch slapos.cfg")
    boolean noSlaposConfig;

    @Option(
            names = "--confirm-within",
            defaultValue = "120",
            paramLabel = "SECONDS",
            description =
                    "the node reverts unless confirmed within this time after the switch (default: ${DEFAULT-VALUE})")
    long confirmWithin;

    @Override
    NodeRun.ReconnectingActionFactory actions() {
        BridgeSettings.Style chosen = BridgeSettings.Style.parse(style);
        Addressing how = Addressing.choose(
                addressingWord(),
                chosen,
                addressing != null && addressing.addresses != null ? addressing.addresses : List.of(),
                Optional.ofNullable(gateway4),
                Optional.ofNullable(gateway6));
        BridgeSettings settings = new BridgeSettings(
                chosen,
                bridge,
                port,
                how,
                noSlaposConfig ? Optional.empty() : Optional.of(slaposConfig),
                Duration.ofSeconds(confirmWithin));
        // each host confirms over a new connection of its own
        return (node, reconnect) -> new BridgeAction(settings, reconnect);
    }

    private String addressingWord() {
        if (addressing == null) {
            return "default";
        }
        return addressing.addresses != null ? "static" : addressing.dhcp ? "dhcp" : "keep";
    }
}
