package org.slapdesk.remote.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to log in to a node: host, port, user, a private key file (none: the
 * default keys of ~/.ssh), the known_hosts file that decides trust, and an optional jump host
 * the connection goes through. A non-root user runs node commands through {@code sudo -n}.
 * The host is bare (an IPv6 address without brackets); {@link SshAddress#parse} reads what users write.
 */
public record SshTarget(
        String host, int port, String user, Optional<Path> keyFile, Path knownHosts, Optional<SshTarget> jump) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(jump, "jump");
        SshAddress.checkHost(host);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port " + port + " is outside 1-65535");
        }
        SshAddress.checkUser(user);
    }

    public static SshTarget of(String host, int port, String user, Path keyFile, Path knownHosts) {
        return new SshTarget(host, port, user, Optional.ofNullable(keyFile), knownHosts, Optional.empty());
    }

    public SshTarget via(SshTarget jumpHost) {
        return new SshTarget(host, port, user, keyFile, knownHosts, Optional.of(jumpHost));
    }

    public boolean needsSudo() {
        return !"root".equals(user);
    }

    /** {@code user@host:port}, with IPv6 addresses in brackets. */
    public String display() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + h + ":" + port
                + jump.map(j -> " via " + j.display()).orElse("");
    }
}
