package org.slapdesk.remote.action.bridge;

import java.time.Duration;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;

/**
 * Undoing a bridge made by {@link BridgeAction}: {@code port} comes out of {@code bridge}, which
 * is deleted, with the bridge's addresses and routes moved back onto the port; the persistent
 * configuration of that {@code style} is put back and, when {@code slaposConfig} is given,
 * slapos.cfg names the port again. {@code confirmWithin}: as for the bridge.
 */
public record UnbridgeSettings(
        BridgeSettings.Style style, String bridge, String port, Optional<String> slaposConfig, Duration confirmWithin) {

    public UnbridgeSettings {
        Validate.interfaceName(bridge);
        Validate.interfaceName(port);
        if (bridge.equals(port)) {
            throw new InvalidInputException("the bridge and its port are both '" + bridge + "'");
        }
        slaposConfig.ifPresent(Validate::absolutePath);
        if (confirmWithin.compareTo(BridgeSettings.SHORTEST_CONFIRM) < 0
                || confirmWithin.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException(
                    "the confirmation deadline must be between " + BridgeSettings.SHORTEST_CONFIRM.toSeconds()
                            + " s and 1 hour, not " + confirmWithin.toSeconds() + " s");
        }
    }

    /** br0 off eth0, Debian style, slapos.cfg at its usual place, 120 s to confirm. */
    public static UnbridgeSettings debian(String bridge, String port) {
        return new UnbridgeSettings(
                BridgeSettings.Style.DEBIAN,
                bridge,
                port,
                Optional.of("/etc/opt/slapos/slapos.cfg"),
                BridgeSettings.DEFAULT_CONFIRM_WITHIN);
    }

    public UnbridgeSettings withConfirmWithin(Duration within) {
        return new UnbridgeSettings(style, bridge, port, slaposConfig, within);
    }
}
