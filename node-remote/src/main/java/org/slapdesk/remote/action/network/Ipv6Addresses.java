package org.slapdesk.remote.action.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/** The IPv6 addresses of an interface on a node, as {@code ip -6 -o addr show dev X} lists them. */
final class Ipv6Addresses {

    private Ipv6Addresses() {}

    static List<String> of(NodeConnection node, String device) throws NodeException {
        String out = node.run(Shell.command("ip", "-6", "-o", "addr", "show", "dev", device))
                .requireOk()
                .stdout();
        return parse(out);
    }

    /** {@code address/prefix} of every {@code inet6} entry. */
    static List<String> parse(String ipOutput) {
        List<String> found = new ArrayList<>();
        for (String line : ipOutput.split("\n")) {
            String[] words = line.trim().split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].equals("inet6")) {
                    found.add(words[i + 1]);
                }
            }
        }
        return found;
    }

    /** True if {@code cidr} is among {@code present}, comparing addresses, not their spelling. */
    static boolean contains(List<String> present, String cidr) {
        for (String p : present) {
            if (same(p, cidr)) {
                return true;
            }
        }
        return false;
    }

    static boolean same(String a, String b) {
        String[] pa = a.split("/", 2);
        String[] pb = b.split("/", 2);
        String prefixA = pa.length > 1 ? pa[1] : "128";
        String prefixB = pb.length > 1 ? pb[1] : "128";
        try {
            return prefixA.equals(prefixB)
                    && Arrays.equals(
                            InetAddress.getByName(pa[0]).getAddress(),
                            InetAddress.getByName(pb[0]).getAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
