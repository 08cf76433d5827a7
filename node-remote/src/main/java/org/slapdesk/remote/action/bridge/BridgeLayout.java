package org.slapdesk.remote.action.bridge;

import java.util.ArrayList;
import java.util.List;
import org.slapdesk.remote.action.bridge.LinkState.Address;
import org.slapdesk.remote.action.bridge.LinkState.Route;
import org.slapdesk.remote.ssh.Shell;

/**
 * The network before and after: the port's addresses and routes now, and what the bridge
 * gets. From it come the shell commands that switch the node to the bridge, those that put
 * the port back as it was, and the lines of {@code /etc/rc.local}.
 */
record BridgeLayout(
        String bridge, String port, LinkState portNow, List<Address> bridgeAddresses, List<Route> bridgeRoutes) {

    BridgeLayout {
        bridgeAddresses = List.copyOf(bridgeAddresses);
        bridgeRoutes = List.copyOf(bridgeRoutes);
    }

    static BridgeLayout of(BridgeSettings settings, LinkState port) {
        List<Address> addresses = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        if (settings.addressing() instanceof Addressing.Static s) {
            s.addresses().forEach(a -> addresses.add(new Address(a.contains(":"), a)));
            s.gateway4().ifPresent(g -> routes.add(new Route(false, List.of("default", "via", g))));
            s.gateway6().ifPresent(g -> routes.add(new Route(true, List.of("default", "via", g))));
        } else {
            addresses.addAll(port.addresses());
            routes.addAll(port.routes());
        }
        return new BridgeLayout(settings.bridge(), settings.port(), port, addresses, routes);
    }

    /** Switches the live network: bridge made, port in it, addresses and routes moved. */
    List<String> switchCommands() {
        String b = Shell.quote(bridge);
        String p = Shell.quote(port);
        List<String> commands = new ArrayList<>();
        commands.add("ip link show dev " + b + " >/dev/null 2>&1 || ip link add name " + b + " type bridge");
        commands.add("ip link set dev " + p + " master " + b);
        commands.add("ip link set dev " + p + " up");
        commands.add("ip link set dev " + b + " up");
        for (Address a : portNow.addresses()) {
            commands.add("ip addr del " + Shell.quote(a.cidr()) + " dev " + p);
        }
        for (Route r : portNow.routes()) {
            commands.add("ip " + family(r) + " route del " + Shell.command(r.words()) + " dev " + p
                    + " 2>/dev/null || true");
        }
        commands.addAll(bridgeAddressCommands());
        return commands;
    }

    /** Addresses and routes of the bridge (also what rc.local runs at boot). */
    private List<String> bridgeAddressCommands() {
        String b = Shell.quote(bridge);
        List<String> commands = new ArrayList<>();
        for (Address a : bridgeAddresses) {
            // nodad: the address is the node's own already, moved from its port
            commands.add("ip addr replace " + Shell.quote(a.cidr()) + " dev " + b + (a.ipv6() ? " nodad" : ""));
        }
        for (Route r : bridgeRoutes) {
            commands.add("ip " + family(r) + " route replace " + Shell.command(r.words()) + " dev " + b);
        }
        return commands;
    }

    /** Puts the port back as it was: out of the bridge (deleted), its addresses and routes back. */
    List<String> restoreCommands() {
        String b = Shell.quote(bridge);
        String p = Shell.quote(port);
        List<String> commands = new ArrayList<>();
        commands.add("ip link set dev " + p + " nomaster");
        commands.add("ip link del dev " + b);
        commands.add("ip link set dev " + p + " up");
        for (Address a : portNow.addresses()) {
            commands.add("ip addr replace " + Shell.quote(a.cidr()) + " dev " + p + (a.ipv6() ? " nodad" : ""));
        }
        for (Route r : portNow.routes()) {
            commands.add("ip " + family(r) + " route replace " + Shell.command(r.words()) + " dev " + p);
        }
        return commands;
    }

    /** The boot-time commands for {@code /etc/rc.local} (generic style). */
    List<String> bootCommands() {
        String b = Shell.quote(bridge);
        String p = Shell.quote(port);
        List<String> commands = new ArrayList<>();
        commands.add("ip link show dev " + b + " >/dev/null 2>&1 || ip link add name " + b + " type bridge");
        commands.add("ip link set dev " + p + " master " + b);
        commands.add("ip addr flush dev " + p + " scope global");
        commands.add("ip link set dev " + p + " up");
        commands.add("ip link set dev " + b + " up");
        commands.addAll(bridgeAddressCommands());
        return commands;
    }

    private static String family(Route r) {
        return r.ipv6() ? "-6" : "-4";
    }
}
