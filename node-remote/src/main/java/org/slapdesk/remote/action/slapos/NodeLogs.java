package org.slapdesk.remote.action.slapos;

import java.time.Duration;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.Shell;

/**
 * Follows a node's logs as a stream ({@code tail -F}, which survives log rotation): the
 * software and instance runs of the slapos cron (PROTOCOL §7), or any log file.
 */
public final class NodeLogs {

    public static final String SOFTWARE_LOG = "/opt/slapos/log/slapos-node-software.log";
    public static final String INSTANCE_LOG = "/opt/slapos/log/slapos-node-instance.log";

    private NodeLogs() {}

    /**
     * Streams the last {@code lines} lines of {@code path} and then every new line to
     * {@code listener} until {@code cancel} is set or {@code limit} passes (then returns normally).
     */
    public static void follow(
            NodeConnection node,
            String path,
            int lines,
            Duration limit,
            OutputListener listener,
            CancellationToken cancel)
            throws NodeException {
        Validate.absolutePath(path);
        if (lines < 0 || lines > 100_000) {
            throw new InvalidInputException("lines must be 0-100000, got " + lines);
        }
        // tail -F waits for a missing file without failing: say so instead of following nothing
        if (!node.run(Shell.command("test", "-r", path)).ok()) {
            throw new NodeException(
                    "no log " + path + " on " + node.target().display() + " (no such file, or not readable)");
        }
        try {
            CommandResult result = node.exec(
                    Shell.command("tail", "-n", Integer.toString(lines), "-F", "--", path),
                    null,
                    limit,
                    listener,
                    cancel);
            if (!result.ok()) {
                result.requireOk();
            }
        } catch (NodeException.Cancelled | NodeException.TimedOut stopped) {
            // the normal end of following a log
        }
    }
}
