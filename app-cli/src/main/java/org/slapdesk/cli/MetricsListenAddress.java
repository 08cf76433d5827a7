package org.slapdesk.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where {@code slapdesk monitor} serves its metrics: {@code host:port}, loopback unless said otherwise. */
record MetricsListenAddress(InetAddress address, int port) {

    /**
     * Parses {@code host:port} ({@code [::1]:port} for IPv6). A non-loopback address is refused
     * unless {@code anyAllowed}: the metrics name every node and service of the fleet.
     */
    static MetricsListenAddress parse(String text, boolean anyAllowed) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--metrics-listen wants HOST:PORT, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--metrics-listen: '" + text.substring(colon + 1) + "' is not a port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-listen: port " + port + " is out of range");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--metrics-listen: unknown host '" + host + "'");
        }
        if (!address.isLoopbackAddress() && !anyAllowed) {
            throw new IllegalArgumentException("--metrics-listen " + text
                    + " is not a loopback address: the metrics name every node and service;"
                    + " add --listen-any to serve them on the network anyway");
        }
        return new MetricsListenAddress(address, port);
    }
}
