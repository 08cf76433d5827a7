package org.slapdesk.remote.action.bridge;

import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;

/**
 * How the bridge gets its addresses: by DHCP (Debian's {@code iface br0 inet dhcp}), the
 * addresses the port has now (moved onto the bridge, with its routes), or addresses given here.
 */
public sealed interface Addressing {

    record Dhcp() implements Addressing {}

    record KeepCurrent() implements Addressing {}

    /** Addresses with their prefix ({@code 192.0.2.10/24}, {@code 2001:db8::10/64}) and default gateways. */
    record Static(List<String> addresses, Optional<String> gateway4, Optional<String> gateway6) implements Addressing {
        public Static {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new InvalidInputException("a static bridge needs at least one address with its prefix,"
                        + " e.g. 192.0.2.10/24 (or keep the port's current addresses)");
            }
            for (String a : addresses) {
                if (a.contains(":")) {
                    Validate.ipv6WithPrefix(a);
                } else {
                    Validate.ipv4Network(a);
                }
            }
            gateway4.ifPresent(Validate::ipv4Address);
            gateway6.ifPresent(Validate::ipv6Address);
        }
    }

    /**
     * The addressing named {@code how}: {@code dhcp}, {@code keep} (the port's current
     * addresses), {@code static} (the addresses and gateways given) or {@code default} (DHCP for
     * the Debian style, the current addresses for the generic one). Addresses and gateways go
     * with {@code static} only.
     */
    static Addressing choose(
            String how,
            BridgeSettings.Style style,
            List<String> addresses,
            Optional<String> gateway4,
            Optional<String> gateway6) {
        boolean staticParts = !addresses.isEmpty() || gateway4.isPresent() || gateway6.isPresent();
        if (!"static".equals(how) && staticParts) {
            throw new InvalidInputException(
                    "static addresses and gateways go with static addressing, not with '" + how + "'");
        }
        return switch (how) {
            case "static" -> new Static(addresses, gateway4, gateway6);
            case "dhcp" -> new Dhcp();
            case "keep" -> new KeepCurrent();
            case "default" -> style == BridgeSettings.Style.DEBIAN ? new Dhcp() : new KeepCurrent();
            default ->
                throw new InvalidInputException(
                        "'" + how + "' is not one of " + String.join(", ", CHOICES) + " (bridge addressing)");
        };
    }

    /** The words {@link #choose} takes. */
    List<String> CHOICES = List.of("default", "dhcp", "keep", "static");

    static Addressing dhcp() {
        return new Dhcp();
    }

    static Addressing keepCurrent() {
        return new KeepCurrent();
    }
}
