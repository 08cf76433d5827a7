package org.slapdesk.remote.action.ha;

import java.time.Duration;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.Shell;

/**
 * The OpenSVC command {@code om} on a cluster node (seed 001): cluster and service status, read
 * from the agent's JSON ({@code --format json}), never from its tables, which wrap and leave
 * cells blank.
 */
public final class OpenSvc {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String om;

    /** {@code om}: the command, found on the node's PATH, or an absolute path. */
    public OpenSvc(String om) {
        if (!om.equals("om") && !om.startsWith("/")) {
            throw new IllegalArgumentException("the om command must be 'om' or an absolute path, not '" + om + "'");
        }
        this.om = om;
    }

    public static OpenSvc standard() {
        return new OpenSvc("om");
    }

    public String command(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = om;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return Shell.command(all);
    }

    /** {@code om PATH ACTION}, e.g. {@code 'om' 'slapos/svc/comp1' 'switch'}. */
    public String command(ServicePath path, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = path.toString();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return command(all);
    }

    /** {@code om daemon status --format json}: threads, nodes, services. */
    public ClusterStatus monitor(NodeConnection node) throws NodeException {
        return daemonStatus(node).cluster();
    }

    /**
     * The service's instances on every node, from the daemon's status. {@code refresh}: first
     * {@code om PATH print status -r --format json}, which evaluates every resource of this
     * node's instance now instead of using the cached status.
     */
    public ServiceStatus status(NodeConnection node, ServicePath path, boolean refresh) throws NodeException {
        if (refresh) {
            CommandResult result = node.exec(
                    command(path, "print", "status", "-r", "--format", "json"),
                    null,
                    READ_TIMEOUT,
                    OutputListener.NONE,
                    CancellationToken.none());
            if (!result.ok() && result.stderr().strip().equals("no match")) {
                throw notAnObject(node, path);
            }
            result.requireOk();
        }
        return daemonStatus(node).service(path.toString()).orElseThrow(() -> notAnObject(node, path));
    }

    /** Fails with a clear message where OpenSVC is not installed. */
    public void requireInstalled(NodeConnection node) throws NodeException {
        String probe = om.startsWith("/") ? "[ -x " + Shell.quote(om) + " ]" : "command -v om >/dev/null 2>&1";
        if (!node.run(probe).ok()) {
            throw new NodeException(
                    "OpenSVC's om command is not installed on " + node.target().display()
                            + ": this node is not an OpenSVC cluster node (install OpenSVC on the cluster's nodes first,"
                            + " e.g. with its Ansible roles)");
        }
    }

    private DaemonStatus daemonStatus(NodeConnection node) throws NodeException {
        String out = node.exec(
                        command("daemon", "status", "--format", "json"),
                        null,
                        READ_TIMEOUT,
                        OutputListener.NONE,
                        CancellationToken.none())
                .requireOk()
                .stdout();
        try {
            return DaemonStatus.parse(out);
        } catch (IllegalArgumentException e) {
            throw new NodeException("could not read the OpenSVC daemon status of "
                    + node.target().display() + ": " + e.getMessage());
        }
    }

    private static NodeException notAnObject(NodeConnection node, ServicePath path) {
        return new NodeException(path + " is not an object of the OpenSVC cluster of "
                + node.target().display() + " (om says: no match); `om daemon status` lists its services");
    }
}
