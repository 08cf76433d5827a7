package org.slapdesk.cli;

import java.time.Duration;
import java.util.Optional;
import org.slapdesk.remote.action.bridge.BridgeSettings;
import org.slapdesk.remote.action.bridge.UnbridgeAction;
import org.slapdesk.remote.action.bridge.UnbridgeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slapdesk node unbridge}: undoes {@code node bridge} under the same confirm-or-revert;
 * if slapdesk cannot get in again over a new connection, the node rebuilds the bridge by itself.
 */
@Command(
        name = "unbridge",
        exitCodeOnInvalidInput = 1,
        description = {
            "Takes the interface out of the bridge made by `node bridge`, deletes the bridge, puts the network"
                    + " configuration back and sets slapos.cfg interface_name to the interface again.",
            "The node rebuilds the bridge by itself unless slapdesk gets in again over a new SSH connection within"
                    + " --confirm-within seconds."
        })
final class NodeUnbridgeCommand extends NodeActionCommand {

    @Option(
            names = "--style",
            defaultValue = "debian",
            paramLabel = "debian|generic",
            description = "how the bridge was made persistent: debian (/etc/network/interfaces, put back from the"
                    + " copy kept before the bridge) or generic (/etc/rc.local) (default: ${DEFAULT-VALUE})")
    String style;

    @Option(
            names = "--bridge",
            defaultValue = "br0",
            paramLabel = "NAME",
            description = "the bridge to remove (default: ${DEFAULT-VALUE})")
    String bridge;

    @Option(
            names = "--interface",
            defaultValue = "eth0",
            paramLabel = "NAME",
            description = "the physical interface in the bridge (default: ${DEFAULT-VALUE})")
    String port;

    @Option(
            names = "--slapos-config",
            defaultValue = "/etc/opt/slapos/slapos.cfg",
            paramLabel = "FILE",
            description = "slapos.cfg to set interface_name back in (default: ${DEFAULT-VALUE})")
    String slaposConfig;

    @Option(names = "--no-slapos-config", description = "do not touch slapos.cfg")
    boolean noSlaposConfig;

    @Option(
            names = "--confirm-within",
            defaultValue = "120",
            paramLabel = "SECONDS",
            description = "the node rebuilds the bridge unless confirmed within this time after the switch"
                    + " (default: ${DEFAULT-VALUE})")
    long confirmWithin;

    @Override
    NodeRun.ReconnectingActionFactory actions() {
        UnbridgeSettings settings = new UnbridgeSettings(
                BridgeSettings.Style.parse(style),
                bridge,
                port,
                noSlaposConfig ? Optional.empty() : Optional.of(slaposConfig),
                Duration.ofSeconds(confirmWithin));
        // each host confirms over a new connection of its own
        return (node, reconnect) -> new UnbridgeAction(settings, reconnect);
    }
}
