package org.slapdesk.gui.nodes;

import java.util.Optional;
import org.slapdesk.remote.action.slapos.SlaposConfig;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * The {@code computer_id} of the node's slapos.cfg: the reference of the server the node is on
 * the master. Empty when the file names none or does not exist (a node not registered yet).
 */
final class NodeComputerId {

    private NodeComputerId() {}

    static Optional<String> read(NodeConnection node, String slaposConfig) throws NodeException {
        if (!node.run("test", "-e", slaposConfig).ok()) {
            return Optional.empty();
        }
        return SlaposConfig.read(node, slaposConfig)
                .get(SlaposConfig.SLAPOS, "computer_id")
                .map(String::strip)
                .filter(id -> !id.isEmpty());
    }
}
