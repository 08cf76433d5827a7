package org.slapdesk.gui.nodes;

import java.nio.file.Path;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.ssh.SshAddress;
import org.slapdesk.remote.ssh.SshTarget;

/** {@code [user@]host[:port]}, IPv6 in brackets ({@code root@[fd00::2]:2222}): how a jump host is written. */
public record HostSpec(String user, String host, int port) {

    /** Parsed by node-remote's {@link SshAddress}, the one parser of hosts. */
    public static HostSpec parse(String spec, String defaultUser) {
        try {
            SshAddress address = SshAddress.parse(spec);
            return new HostSpec(
                    address.user().orElse(defaultUser),
                    address.host(),
                    address.port().orElse(22));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    public SshTarget target(Optional<Path> key, Path knownHosts) {
        return new SshTarget(host, port, user, key, knownHosts, Optional.empty());
    }
}
