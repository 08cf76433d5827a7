package org.slapdesk.remote.action.ha;

import java.time.Duration;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.Shell;

/** The OpenSVC command {@code om} on a cluster node (seed 001): cluster and service status, typed. */
public final class OpenSvc {

    private static final String ANSI = "\u001B\\[[0-9;]*[A-Za-z]";
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

    /** {@code om mon}: threads, nodes, services. */
    public ClusterStatus monitor(NodeConnection node) throws NodeException {
        return MonParser.parse(read(node, command("mon")));
    }

    /** {@code om PATH print status}; {@code refresh}: {@code -r}, evaluate every resource now instead of the cached status. */
    public ServiceStatus status(NodeConnection node, ServicePath path, boolean refresh) throws NodeException {
        CommandResult result = node.exec(
                refresh ? command(path, "print", "status", "-r") : command(path, "print", "status"),
                null,
                READ_TIMEOUT,
                OutputListener.NONE,
                CancellationToken.none());
        if (!result.ok() && result.stderr().strip().equals("no match")) {
            throw new NodeException(path + " is not an object of the OpenSVC cluster of "
                    + node.target().display() + " (om says: no match); `om mon` lists its services");
        }
        String out = plain(result.requireOk().stdout());
        try {
            return StatusParser.parse(out);
        } catch (IllegalArgumentException e) {
            throw new NodeException("could not read the status of " + path + ": " + e.getMessage());
        }
    }

    /** Fails with a clear message where OpenSVC is not installed. */
    public void requireInstalled(NodeConnection node) throws NodeException {
        String probe = om.startsWith("/") ? "[ -x " + Shell.quote(om) + " ]" : "command -v om >/dev/null 2>&1";
        if (!node.run(probe).ok()) {
            throw new NodeException(
                    "OpenSVC's om command is not installed on " + node.target().display()
                            + ": this node is not an OpenSVC cluster node (seed 001 installs it with Ansible)");
        }
    }

    /**
     * The agent wraps its trees at 78 columns when there is no terminal; the parsers read
     * wrapped lines. Not widened with {@code COLUMNS}: the agent's own {@code ps} reads it too,
     * and on OpenSVC 2.1 a {@code print status -r} under {@code COLUMNS=1000} cut the process
     * environments it matches {@code app.simple} resources by: it saw the running apps down
     * and the daemon's monitor went to {@code restarting}.
     */
    private String read(NodeConnection node, String command) throws NodeException {
        String out = node.exec(command, null, READ_TIMEOUT, OutputListener.NONE, CancellationToken.none())
                .requireOk()
                .stdout();
        return plain(out);
    }

    /** The text without colours ({@code om} colours only on a terminal) and carriage returns. */
    static String plain(String out) {
        return out.replaceAll(ANSI, "").replace("\r", "");
    }
}
