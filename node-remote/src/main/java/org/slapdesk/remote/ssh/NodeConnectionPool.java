package org.slapdesk.remote.ssh;

import java.util.HashMap;
import java.util.Map;

/** One reused connection per node: a dropped connection is opened again on the next use. */
public final class NodeConnectionPool implements AutoCloseable {

    private final ConnectOptions options;
    private final Map<SshTarget, NodeConnection> connections = new HashMap<>();

    public NodeConnectionPool(ConnectOptions options) {
        this.options = options;
    }

    public synchronized NodeConnection get(SshTarget target) throws NodeException {
        NodeConnection existing = connections.get(target);
        if (existing != null && existing.isOpen()) {
            return existing;
        }
        if (existing != null) {
            existing.close();
        }
        NodeConnection fresh = NodeConnection.open(target, options);
        connections.put(target, fresh);
        return fresh;
    }

    @Override
    public synchronized void close() {
        connections.values().forEach(NodeConnection::close);
        connections.clear();
    }
}
