package org.slapdesk.remote.action.bridge;

import java.time.Duration;
import java.util.Optional;
import org.slapdesk.remote.action.Choice;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;

/**
 * A bridge for VMs (seed 000, "Reconfiguring Node for Virtual Machines"): bridge {@code bridge}
 * with the physical {@code port} in it, made persistent the Debian way ({@code
 * /etc/network/interfaces}) or the generic way ({@code /etc/rc.local}), then slapos.cfg's
 * {@code interface_name = bridge} and {@code create_tap = true} (when {@code slaposConfig} is
 * given). {@code confirmWithin}: how long the node waits for the console to confirm the new
 * network over a new SSH connection before putting the old one back.
 */
public record BridgeSettings(
        Style style,
        String bridge,
        String port,
        Addressing addressing,
        Optional<String> slaposConfig,
        Duration confirmWithin) {

    public enum Style {
        DEBIAN,
        GENERIC;

        /** {@code debian or generic}, or an InvalidInputException naming the bad word. */
        public static Style parse(String word) {
            return Choice.parse(Style.class, word);
        }
    }

    public static final Duration DEFAULT_CONFIRM_WITHIN = Duration.ofSeconds(120);
    static final Duration SHORTEST_CONFIRM = Duration.ofSeconds(15);

    public BridgeSettings {
        Validate.interfaceName(bridge);
        Validate.interfaceName(port);
        if (bridge.equals(port)) {
            throw new InvalidInputException("the bridge and its port are both '" + bridge + "': the bridge needs"
                    + " a new name (e.g. br0) and the port is the physical interface (e.g. eth0)");
        }
        if (port.equals("lo")) {
            throw new InvalidInputException("lo cannot be a bridge port: give the physical interface (e.g. eth0)");
        }
        slaposConfig.ifPresent(Validate::absolutePath);
        if (style == Style.GENERIC && addressing instanceof Addressing.Dhcp) {
            throw new InvalidInputException("the generic bridge (/etc/rc.local) sets addresses itself and runs no DHCP"
                    + " client: keep the port's current addresses, give static ones, or use the Debian style");
        }
        if (confirmWithin.compareTo(SHORTEST_CONFIRM) < 0 || confirmWithin.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException("the confirmation deadline must be between " + SHORTEST_CONFIRM.toSeconds()
                    + " s and 1 hour, not " + confirmWithin.toSeconds() + " s");
        }
    }

    /** br0 on eth0, Debian style, DHCP, slapos.cfg at its usual place, 120 s to confirm. */
    public static BridgeSettings debian(String bridge, String port, Addressing addressing) {
        return new BridgeSettings(
                Style.DEBIAN,
                bridge,
                port,
                addressing,
                Optional.of("/etc/opt/slapos/slapos.cfg"),
                DEFAULT_CONFIRM_WITHIN);
    }

    public static BridgeSettings generic(String bridge, String port, Addressing addressing) {
        return new BridgeSettings(
                Style.GENERIC,
                bridge,
                port,
                addressing,
                Optional.of("/etc/opt/slapos/slapos.cfg"),
                DEFAULT_CONFIRM_WITHIN);
    }

    public BridgeSettings withSlaposConfig(Optional<String> path) {
        return new BridgeSettings(style, bridge, port, addressing, path, confirmWithin);
    }

    public BridgeSettings withConfirmWithin(Duration within) {
        return new BridgeSettings(style, bridge, port, addressing, slaposConfig, within);
    }
}
