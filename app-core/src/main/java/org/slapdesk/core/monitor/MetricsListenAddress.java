package org.slapdesk.core.monitor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where the fleet's metrics are served: {@code host:port}. */
public record MetricsListenAddress(InetAddress address, int port) {

    /** Prometheus' port for a third-party exporter, on loopback. */
    public static final String DEFAULT = "127.0.0.1:9464";

    /** Parses {@code host:port} ({@code [::1]:port} for IPv6); says what is wrong in the exception. */
    public static MetricsListenAddress parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("wants HOST:PORT, not '" + trimmed + "'");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + trimmed.substring(colon + 1) + "' is not a port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        try {
            return new MetricsListenAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }

    /** Only this machine can connect: the metrics name every node and service of the fleet. */
    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
