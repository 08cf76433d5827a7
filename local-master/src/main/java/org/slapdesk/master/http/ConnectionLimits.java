package org.slapdesk.master.http;

import java.time.Duration;

/**
 * What one client may take from the master's HTTP server: how long it may take to send a
 * request head (and, over TLS, to finish its handshake, within the same time) and body, how long an idle kept-alive connection stays open, how long an answer
 * may take to leave, how many connections one address and everybody may hold, and how big a
 * request head may be.
 */
public record ConnectionLimits(
        Duration headTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        Duration responseTimeout,
        int connectionsPerAddress,
        int connections,
        int maxHeadBytes,
        int maxHeaders) {

    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            64,
            1024,
            64 * 1024,
            100);

    public ConnectionLimits {
        if (connectionsPerAddress <= 0 || connections <= 0 || maxHeadBytes <= 0 || maxHeaders <= 0) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
    }

    public ConnectionLimits withTimeouts(Duration head, Duration body) {
        return new ConnectionLimits(
                head, body, idleTimeout, responseTimeout, connectionsPerAddress, connections, maxHeadBytes, maxHeaders);
    }

    public ConnectionLimits withConnectionsPerAddress(int perAddress) {
        return new ConnectionLimits(
                headTimeout,
                bodyTimeout,
                idleTimeout,
                responseTimeout,
                perAddress,
                connections,
                maxHeadBytes,
                maxHeaders);
    }
}
