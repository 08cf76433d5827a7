package org.slapdesk.gui.nodes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    /** Records what working on the node last ended with (nothing when the node is no longer known). */
    void recordLastResult(KnownNodeRecord node, KnownNodeRecord.LastResult result);

    /** Records the computer_id read from the node's slapos.cfg (empty: it names none). */
    void recordComputerId(KnownNodeRecord node, Optional<String> computerId);

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

            @Override
            public void recordLastResult(KnownNodeRecord node, KnownNodeRecord.LastResult result) {
                dao.recordLastResult(node.host(), node.port(), node.user(), result);
            }

            @Override
            public void recordComputerId(KnownNodeRecord node, Optional<String> computerId) {
                dao.recordComputerId(node.host(), node.port(), node.user(), computerId);
            }
        };
    }

    /** Kept for this run only. */
    static NodeInventory inMemory() {
        return new NodeInventory() {
            private final List<KnownNodeRecord> nodes = new ArrayList<>();

            @Override
            public synchronized List<KnownNodeRecord> list() {
                return nodes.stream()
                        .sorted(Comparator.comparing(KnownNodeRecord::host)
                                .thenComparing(KnownNodeRecord::port)
                                .thenComparing(KnownNodeRecord::user))
                        .toList();
            }

            /** Like the database: saving again keeps the recorded last result. */
            @Override
            public synchronized void save(KnownNodeRecord node) {
                Optional<KnownNodeRecord> old = find(node);
                delete(node);
                nodes.add(old.isPresent() ? node.withLastResult(old.get().lastResult()) : node);
            }

            @Override
            public synchronized void delete(KnownNodeRecord node) {
                nodes.removeIf(n -> same(n, node));
            }

            @Override
            public synchronized void recordLastResult(KnownNodeRecord node, KnownNodeRecord.LastResult result) {
                Optional<KnownNodeRecord> old = find(node);
                boolean newer = old.isPresent()
                        && old.get()
                                .lastResult()
                                .map(r -> !r.at().isAfter(result.at()))
                                .orElse(true);
                if (newer) {
                    delete(node);
                    nodes.add(old.get().withLastResult(Optional.of(result)));
                }
            }

            @Override
            public synchronized void recordComputerId(KnownNodeRecord node, Optional<String> computerId) {
                Optional<KnownNodeRecord> old = find(node);
                if (old.isPresent()) {
                    delete(node);
                    nodes.add(old.get().withComputerId(computerId));
                }
            }

            private Optional<KnownNodeRecord> find(KnownNodeRecord node) {
                return nodes.stream().filter(n -> same(n, node)).findFirst();
            }

            private static boolean same(KnownNodeRecord a, KnownNodeRecord b) {
                return a.host().equals(b.host())
                        && a.port() == b.port()
                        && a.user().equals(b.user());
            }
        };
    }
}
