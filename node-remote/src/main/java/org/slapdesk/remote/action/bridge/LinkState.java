package org.slapdesk.remote.action.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * One network interface of a node as {@code ip} shows it: whether it exists, the bridge it is
 * a port of, its global addresses and the routes through it that are not the kernel's own.
 */
public record LinkState(
        String name,
        boolean exists,
        Optional<String> master,
        boolean wireless,
        List<Address> addresses,
        List<Route> routes) {

    public LinkState {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }

    /** {@code 100.64.1.2/24} ({@code inet}) or {@code fd00::2/64} ({@code inet6}). */
    public record Address(boolean ipv6, String cidr) {}

    /** A route without its {@code dev}: the words {@code ip route} printed, e.g. {@code default via 10.0.0.1}. */
    public record Route(boolean ipv6, List<String> words) {
        public Route {
            words = List.copyOf(words);
        }

        public String text() {
            return String.join(" ", words);
        }
    }

    /** Reads the interface with four {@code ip} commands in one round trip. */
    public static LinkState read(NodeConnection node, String name) throws NodeException {
        String q = Shell.quote(name);
        String out = node.run("if ip -o link show dev " + q + " >/dev/null 2>&1; then echo '@link';"
                        + " ip -o link show dev " + q + "; echo '@addr'; ip -o addr show dev " + q + ";"
                        + " echo '@route4'; ip -4 -o route show dev " + q + "; echo '@route6'; ip -6 -o route show dev "
                        + q + ";"
                        + " [ -e /sys/class/net/" + q
                        + "/wireless ] && echo '@wireless'; true; else echo '@missing'; fi")
                .requireOk()
                .stdout();
        return parse(name, out);
    }

    static LinkState parse(String name, String out) {
        if (out.contains("@missing")) {
            return new LinkState(name, false, Optional.empty(), false, List.of(), List.of());
        }
        Optional<String> master = Optional.empty();
        List<Address> addresses = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        boolean wireless = false;
        String part = "";
        for (String line : out.split("\n")) {
            if (line.startsWith("@")) {
                part = line.trim();
                wireless |= part.equals("@wireless");
                continue;
            }
            List<String> words = List.of(line.trim().split("\\s+"));
            switch (part) {
                case "@link" -> {
                    int i = words.indexOf("master");
                    if (i >= 0 && i + 1 < words.size()) {
                        master = Optional.of(words.get(i + 1));
                    }
                }
                case "@addr" -> parseAddress(words).ifPresent(addresses::add);
                case "@route4", "@route6" ->
                    parseRoute(part.equals("@route6"), words).ifPresent(routes::add);
                default -> {}
            }
        }
        return new LinkState(name, true, master, wireless, addresses, routes);
    }

    /** Global addresses only; SLAAC ones ({@code dynamic} IPv6) come back by themselves. */
    private static Optional<Address> parseAddress(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String family = words.get(i);
            if ((family.equals("inet") || family.equals("inet6")) && words.contains("global")) {
                boolean v6 = family.equals("inet6");
                if (v6 && words.contains("dynamic")) {
                    return Optional.empty();
                }
                return Optional.of(new Address(v6, words.get(i + 1)));
            }
        }
        return Optional.empty();
    }

    /** Routes the kernel makes from addresses ({@code proto kernel}) are left out: they follow the address. */
    private static Optional<Route> parseRoute(boolean v6, List<String> words) {
        if (words.isEmpty()
                || words.get(0).isEmpty()
                || String.join(" ", words).contains("proto kernel")
                || words.get(0).startsWith("fe80:")
                || words.get(0).startsWith("ff00:")
                || words.get(0).equals("\\")) {
            return Optional.empty();
        }
        List<String> kept = words.stream()
                .filter(w -> !w.equals("linkdown") && !w.equals("dead") && !w.equals("\\"))
                .toList();
        return Optional.of(new Route(v6, kept));
    }

    public boolean hasAddress(String cidr) {
        return addresses.stream().anyMatch(a -> Addresses.same(a.cidr(), cidr));
    }
}
