package org.slapdesk.gui.nodes;

import java.nio.file.Path;
import org.slapdesk.remote.ssh.ConnectOptions;

/**
 * Where the page's SSH trust lives and how it connects: the known_hosts file that decides which
 * host keys are trusted, the user's home (for {@code ~/} in key paths) and the base options.
 */
public record NodeEnvironment(Path knownHosts, Path home, ConnectOptions options) {

    /** {@code ~/.ssh/known_hosts}, the ssh-agent of SSH_AUTH_SOCK, 15 s to connect. */
    public static NodeEnvironment forThisUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return new NodeEnvironment(home.resolve(".ssh").resolve("known_hosts"), home, ConnectOptions.defaults());
    }
}
