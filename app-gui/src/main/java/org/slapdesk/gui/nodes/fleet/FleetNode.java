package org.slapdesk.gui.nodes.fleet;

import java.util.function.Consumer;
import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * One node of a fleet run: its name on screen, its label in the audit log, slapos on it, how
 * to reach it (off the FX thread) and where its last result is written (FX thread).
 */
public record FleetNode(
        String name, String label, SlaposNode slapos, Connector connector, Consumer<String> lastResult) {

    /** Opens a connection to the node for the run, or lends the one the page already holds. */
    @FunctionalInterface
    public interface Connector {
        Lease open() throws NodeException;
    }

    /** A connection for one run; closed afterwards only when the run opened it. */
    public record Lease(NodeConnection connection, Reconnect reconnect, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                connection.close();
            }
        }
    }
}
