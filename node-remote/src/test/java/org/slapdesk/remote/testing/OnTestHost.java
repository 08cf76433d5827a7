package org.slapdesk.remote.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.SshTarget;
import org.slapdesk.testlab.HostOptions;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/** Base of tests that drive one real testlab host over SSH (one host per test class). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnTestHost {

    protected TestLab lab;
    protected TestHost host;
    protected NodeConnection node;

    @BeforeAll
    void startTestHost() throws NodeException {
        lab = TestLab.open();
        host = lab.startHost(hostOptions());
        node = NodeConnection.open(target(host), ConnectOptions.defaults());
    }

    @AfterAll
    void stopTestHost() {
        if (node != null) {
            node.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** How this class's host is made; override with {@link HostOptions#withSystemd()} for a systemd host. */
    protected HostOptions hostOptions() {
        return HostOptions.defaults();
    }

    public static SshTarget target(TestHost host) {
        return SshTarget.of(host.address(), host.port(), "root", host.clientKey(), host.knownHosts());
    }

    /** A fingerprint of a folder tree on the host: every path with its type, mode, owner and md5. */
    protected String snapshot(String... roots) {
        StringBuilder script = new StringBuilder();
        for (String root : roots) {
            script.append("find ")
                    .append(root)
                    .append(
                            " -xdev \\( -type f -o -type d -o -type l \\) -printf '%p %y %m %u %g\\n' 2>/dev/null | sort;")
                    .append(" find ")
                    .append(root)
                    .append(" -xdev -type f -exec md5sum {} + 2>/dev/null | sort;");
        }
        return host.sh(script.toString());
    }
}
