package org.slapdesk.core.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A node Slapdesk reaches over SSH: where, as whom, with which key, through which jump host,
 * and the host key fingerprint accepted the first time (e.g. {@code SHA256:…}).
 */
public record KnownNodeRecord(
        String host,
        int port,
        String user,
        Optional<Path> keyPath,
        Optional<String> jumpHost,
        Optional<String> hostKeyFingerprint) {

    public KnownNodeRecord {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a known node needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is not between 1 and 65535");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a known node needs a user name (" + host + ")");
        }
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(jumpHost, "jumpHost");
        Objects.requireNonNull(hostKeyFingerprint, "hostKeyFingerprint");
    }

    public static KnownNodeRecord of(String host, int port, String user) {
        return new KnownNodeRecord(host, port, user, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public KnownNodeRecord withHostKeyFingerprint(String fingerprint) {
        return new KnownNodeRecord(host, port, user, keyPath, jumpHost, Optional.of(fingerprint));
    }

    /** {@code user@host:port}, as shown to users. */
    public String label() {
        return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
