package org.slapdesk.remote.action.network;

import java.util.ArrayList;
import java.util.List;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/** An interface's global addresses and its non-kernel routes, to move them or put them back. */
record NetworkSnapshot(String device, List<String> addresses4, List<String> addresses6, List<String> routes4,
                       List<String> routes6) {

    static NetworkSnapshot read(NodeConnection node, String device) throws NodeException {
        String dev = Shell.quote(device);
        String out = node.run("ip -o link show dev " + dev + " >/dev/null || exit 3;"
                + " ip -o -4 addr show dev " + dev + " scope global | awk '{print \"a4 \" $4}';"
                + " ip -o -6 addr show dev " + dev + " scope global | awk '{print \"a6 \" $4}';"
                + " ip -4 route show dev " + dev + " | grep -v 'proto kernel' | sed 's/^/r4 /';"
                + " ip -6 route show dev " + dev + " | grep -v 'proto kernel' | grep -v '^fe80' | grep -v '^multicast' | sed 's/^/r6 /';"
                + " true").stdout();
        List<String> a4 = new ArrayList<>();
        List<String> a6 = new ArrayList<>();
        List<String> r4 = new ArrayList<>();
        List<String> r6 = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.length() < 4) {
                continue;
            }
            String value = line.substring(3).trim();
            switch (line.substring(0, 2)) {
                case "a4" -> a4.add(value);
                case "a6" -> a6.add(value);
                case "r4" -> r4.add(value);
                case "r6" -> r6.add(value);
                default -> { }
            }
        }
        return new NetworkSnapshot(device, a4, a6, r4, r6);
    }

    /** Shell lines that put these addresses and routes on {@code target} (replace: safe to repeat). */
    List<String> applyTo(String target) {
        List<String> lines = new ArrayList<>();
        String t = Shell.quote(target);
        addresses4.forEach(a -> lines.add("ip -4 addr replace " + Shell.quote(a) + " dev " + t));
        addresses6.forEach(a -> lines.add("ip -6 addr replace " + Shell.quote(a) + " dev " + t + " nodad"));
        routes4.forEach(r -> lines.add("ip -4 route replace " + routeArgs(r) + " dev " + t));
        routes6.forEach(r -> lines.add("ip -6 route replace " + routeArgs(r) + " dev " + t));
        return lines;
    }

    /** Shell lines that remove these addresses from {@code from}. */
    List<String> removeFrom(String from) {
        List<String> lines = new ArrayList<>();
        String f = Shell.quote(from);
        addresses4.forEach(a -> lines.add("ip -4 addr del " + Shell.quote(a) + " dev " + f + " 2>/dev/null"));
        addresses6.forEach(a -> lines.add("ip -6 addr del " + Shell.quote(a) + " dev " + f + " 2>/dev/null"));
        return lines;
    }

    /** A route line of `ip route show dev X` as quoted arguments (destination, via, metric...). */
    private static String routeArgs(String route) {
        List<String> words = new ArrayList<>(List.of(route.trim().split("\\s+")));
        return Shell.command(words);
    }
}
