package org.slapdesk.gui.nodes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slapdesk.core.store.KnownNodeDao;
import org.slapdesk.core.store.KnownNodeRecord;

/**
 * Where the known nodes are kept: the application database ({@link #stored}), or memory when
 * the database cannot be opened. Called off the FX thread.
 */
public interface NodeInventory {

    List<KnownNodeRecord> list();

    /** Inserts, or replaces the node with the same host, port and user. */
    void save(KnownNodeRecord node);

    void delete(KnownNodeRecord node);

    static NodeInventory stored(KnownNodeDao dao) {
        return new NodeInventory() {
            @Override
            public List<KnownNodeRecord> list() {
                return dao.list();
            }

            @Override
            public void save(KnownNodeRecord node) {
                dao.save(node);
            }

            @Override
            public void delete(KnownNodeRecord node) {
                dao.delete(node.host(), node.port(), node.user());
            }
        };
    }

    /** Kept for this run only. */
    static NodeInventory inMemory() {
        return new NodeInventory() {
            private final List<KnownNodeRecord> nodes = new ArrayList<>();

            @Override
            public synchronized List<KnownNodeRecord> list() {
                return nodes.stream().sorted(Comparator.comparing(KnownNodeRecord::host)
                        .thenComparing(KnownNodeRecord::port).thenComparing(KnownNodeRecord::user)).toList();
            }

            @Override
            public synchronized void save(KnownNodeRecord node) {
                delete(node);
                nodes.add(node);
            }

            @Override
            public synchronized void delete(KnownNodeRecord node) {
                nodes.removeIf(n -> n.host().equals(node.host()) && n.port() == node.port() && n.user().equals(node.user()));
            }
        };
    }
}
