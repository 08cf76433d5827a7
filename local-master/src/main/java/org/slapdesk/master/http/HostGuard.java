package org.slapdesk.master.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slapdesk.master.RequestError;

/**
 * Refuses requests that were not meant for this master: a {@code Host} that is none of the
 * names it serves (DNS rebinding: a web page whose name now resolves to 127.0.0.1) and any
 * {@code Origin} other than the master itself (a web page posting across origins). SlapOS
 * clients send no Origin and the Host of their {@code master_url}, so they pass.
 */
public final class HostGuard {

    private final Set<String> names;
    private final int port;
    private final String scheme;

    private HostGuard(Set<String> names, int port, String scheme) {
        this.names = Set.copyOf(names);
        this.port = port;
        this.scheme = scheme;
    }

    /**
     * The names a master bound to {@code bound} serves: its address (every local address when it
     * listens on all of them), the loopback names, and {@code publicNames} (such as {@code --hostname}).
     */
    public static HostGuard forServer(InetSocketAddress bound, boolean https, Collection<String> publicNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        InetAddress address = bound.getAddress();
        if (address.isAnyLocalAddress()) {
            names.addAll(localAddresses());
        } else {
            names.add(literal(address));
        }
        for (String name : publicNames) {
            names.add(normalise(name));
        }
        return new HostGuard(names, bound.getPort(), https ? "https" : "http");
    }

    /** Throws the refusal (421 for a foreign Host, 403 for a foreign Origin), or returns. */
    public void check(String host, String origin) {
        if (host == null || !servesAuthority(host)) {
            throw new RequestError(
                    421, "this master does not serve the host '" + host + "' (use its address or configured name)");
        }
        if (origin != null && !isSelf(origin)) {
            throw RequestError.forbidden("cross-origin requests are refused (Origin " + origin + ")");
        }
    }

    private boolean isSelf(String origin) {
        String prefix = scheme + "://";
        if (!origin.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return false;
        }
        return servesAuthority(origin.substring(prefix.length()));
    }

    private boolean servesAuthority(String authority) {
        String name;
        int givenPort;
        int close = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        if (authority.startsWith("[")) {
            if (close < 0) {
                return false;
            }
            name = authority.substring(1, close);
            colon = authority.indexOf(':', close);
        } else if (authority.indexOf(':') != colon) {
            return false; // a bare IPv6 address without brackets is not a valid Host
        } else {
            name = colon < 0 ? authority : authority.substring(0, colon);
        }
        if (colon < 0) {
            givenPort = "https".equals(scheme) ? 443 : 80;
        } else {
            try {
                givenPort = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return givenPort == port && names.contains(normalise(name));
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.contains(":")) {
            try {
                return literal(InetAddress.getByName(n));
            } catch (UnknownHostException e) {
                return n;
            }
        }
        return n;
    }

    private static String literal(InetAddress address) {
        return address.getHostAddress().replaceAll("%.*$", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> localAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces.hasMoreElements()) {
                interfaces.nextElement().inetAddresses().forEach(a -> addresses.add(literal(a)));
            }
        } catch (SocketException e) {
            // no interface list: only the loopback names and the configured ones are served
        }
        return addresses;
    }
}
