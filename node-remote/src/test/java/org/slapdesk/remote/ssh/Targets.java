package org.slapdesk.remote.ssh;

import org.slapdesk.testlab.TestHost;

/** SSH targets for testlab hosts. */
final class Targets {

    private Targets() {}

    static SshTarget root(TestHost host) {
        return SshTarget.of(host.address(), host.port(), "root", host.clientKey(), host.knownHosts());
    }

    static NodeConnection connect(TestHost host) throws NodeException {
        return NodeConnection.open(root(host), ConnectOptions.defaults());
    }
}
