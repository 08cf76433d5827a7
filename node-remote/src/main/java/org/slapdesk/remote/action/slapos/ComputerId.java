package org.slapdesk.remote.action.slapos;

import java.util.Optional;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.core.config.IniFormatException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * The id a node is registered under at its master ({@code [slapos] computer_id} of its
 * slapos.cfg, e.g. {@code COMP-1234}): what links a server of the master to the node reached over SSH.
 */
public final class ComputerId {

    private ComputerId() {}

    /** The node's computer_id; empty when slapos.cfg is not there (not registered) or names none. */
    public static Optional<String> read(NodeConnection node, String configPath) throws NodeException {
        FileState state = new RemoteFile(node).read(Validate.absolutePath(configPath));
        if (!state.exists()) {
            return Optional.empty();
        }
        try {
            return IniFile.parse(state.text(), node.target().display() + ":" + configPath)
                    .get(SlaposConfig.SLAPOS, "computer_id")
                    .map(String::strip)
                    .filter(id -> !id.isEmpty());
        } catch (IniFormatException e) {
            throw new NodeException(e.getMessage(), e);
        }
    }

    /** From the usual place, {@value SlaposConfig#DEFAULT_PATH}. */
    public static Optional<String> read(NodeConnection node) throws NodeException {
        return read(node, SlaposConfig.DEFAULT_PATH);
    }
}
