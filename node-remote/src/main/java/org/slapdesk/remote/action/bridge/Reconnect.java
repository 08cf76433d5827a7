package org.slapdesk.remote.action.bridge;

import java.time.Duration;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.SshTarget;

/** Opens a NEW SSH connection to the node: what confirms that a changed network still lets the console in. */
@FunctionalInterface
public interface Reconnect {

    NodeConnection open() throws NodeException;

    /** A fresh connection to {@code target}, giving up on each attempt after {@code connectTimeout}. */
    static Reconnect to(SshTarget target, ConnectOptions options, Duration connectTimeout) {
        ConnectOptions quick = options.withConnectTimeout(connectTimeout);
        return () -> NodeConnection.open(target, quick);
    }
}
