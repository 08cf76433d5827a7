package org.slapdesk.remote.action.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slapdesk.remote.action.bridge.LinkState.Address;
import org.slapdesk.remote.action.bridge.LinkState.Route;

/**
 * Edits Debian's {@code /etc/network/interfaces} (ifupdown) for a bridge, as seed 000 shows:
 * <pre>
 * iface eth0 inet manual
 * auto br0
 * iface br0 inet dhcp
 *     bridge_ports eth0
 * </pre>
 * The port's own {@code iface} stanzas (any family) become one {@code inet manual} stanza in
 * the first one's place; any earlier stanza of the bridge is replaced; every other line, comment
 * and {@code auto}/{@code allow-hotplug} line stays as it was.
 */
final class DebianInterfaces {

    static final String PATH = "/etc/network/interfaces";
    static final String NEW_FILE = "# interfaces(5) file used by ifup(8) and ifdown(8)\n"
            + "source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n";
    private static final Set<String> STANZA_STARTS =
            Set.of("iface", "mapping", "auto", "source", "source-directory", "rename", "no-auto-down", "no-scripts");

    private DebianInterfaces() {}

    static String withBridge(String text, BridgeLayout layout, Addressing addressing) {
        String base = text.isEmpty() ? NEW_FILE : text;
        List<String> out = new ArrayList<>();
        boolean portWritten = false;
        String skipping = null; // the iface stanza being dropped (its option lines go with it)
        for (String line : base.split("\n", -1)) {
            String trimmed = line.strip();
            List<String> words = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
            boolean stanza = !words.isEmpty()
                    && (STANZA_STARTS.contains(words.get(0)) || words.get(0).startsWith("allow-"));
            if (stanza) {
                skipping = null;
            }
            if (stanza
                    && words.get(0).equals("iface")
                    && words.size() > 1
                    && (words.get(1).equals(layout.port()) || words.get(1).equals(layout.bridge()))) {
                skipping = words.get(1);
                if (words.get(1).equals(layout.port()) && !portWritten) {
                    out.add("iface " + layout.port() + " inet manual");
                    portWritten = true;
                }
                continue;
            }
            if (skipping != null && !trimmed.startsWith("#") && !trimmed.isEmpty()) {
                continue; // an option of a dropped stanza
            }
            if (stanza
                    && (words.get(0).equals("auto") || words.get(0).startsWith("allow-"))
                    && words.contains(layout.bridge())) {
                List<String> rest = new ArrayList<>(words);
                rest.remove(layout.bridge());
                if (rest.size() > 1) {
                    out.add(String.join(" ", rest));
                }
                continue;
            }
            out.add(line);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        if (!portWritten) {
            out.add("");
            out.add("iface " + layout.port() + " inet manual");
        }
        out.add("");
        out.addAll(bridgeStanzas(layout, addressing));
        return String.join("\n", out) + "\n";
    }

    private static List<String> bridgeStanzas(BridgeLayout layout, Addressing addressing) {
        List<String> lines = new ArrayList<>();
        lines.add("auto " + layout.bridge());
        if (addressing instanceof Addressing.Dhcp) {
            lines.add("iface " + layout.bridge() + " inet dhcp");
            lines.add("    bridge_ports " + layout.port());
            return lines;
        }
        List<Address> v4 =
                layout.bridgeAddresses().stream().filter(a -> !a.ipv6()).toList();
        List<Address> v6 =
                layout.bridgeAddresses().stream().filter(Address::ipv6).toList();
        boolean portsWritten = false;
        if (!v4.isEmpty() || v6.isEmpty()) {
            lines.add("iface " + layout.bridge() + (v4.isEmpty() ? " inet manual" : " inet static"));
            lines.add("    bridge_ports " + layout.port());
            portsWritten = true;
            v4.forEach(a -> lines.add("    address " + a.cidr()));
            gateway(layout, false).ifPresent(g -> lines.add("    gateway " + g));
        }
        if (!v6.isEmpty()) {
            lines.add("iface " + layout.bridge() + " inet6 static");
            if (!portsWritten) {
                lines.add("    bridge_ports " + layout.port());
            }
            v6.forEach(a -> lines.add("    address " + a.cidr()));
            gateway(layout, true).ifPresent(g -> lines.add("    gateway " + g));
        }
        return lines;
    }

    private static Optional<String> gateway(BridgeLayout layout, boolean v6) {
        return layout.bridgeRoutes().stream()
                .filter(r -> r.ipv6() == v6
                        && r.words().size() >= 3
                        && r.words().get(0).equals("default")
                        && r.words().get(1).equals("via"))
                .map(Route::words)
                .map(w -> w.get(2))
                .findFirst();
    }
}
