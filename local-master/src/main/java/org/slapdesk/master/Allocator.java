package org.slapdesk.master;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.master.store.ParameterColumns;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Partition;
import org.slapdesk.master.store.Store;

/**
 * Places instances: a normal one on the first free partition of the node its SLA names (else the
 * default node, else any node); a shared one on a busy instance of the same release and type
 * (optionally the one {@code instance_guid} names). What cannot be placed waits and is placed
 * when partitions appear or free up.
 */
final class Allocator {

    private final String defaultComputer;
    private final Timestamps time;

    Allocator(String defaultComputer, Timestamps time) {
        this.defaultComputer = defaultComputer;
        this.time = time;
    }

    /** The instance, placed if something fits; unchanged otherwise. */
    Instance allocate(Store store, Instance i) throws SQLException {
        Map<String, String> sla = ParameterColumns.read(i.slaXml());
        String pinned = sla.get("computer_guid");
        if (pinned != null && pinned.isEmpty()) {
            pinned = null;
        }
        if (!i.shared()) {
            Optional<Partition> free = store.firstFree(pinned != null ? pinned : defaultComputer);
            if (free.isEmpty()) {
                return i;
            }
            Partition p = free.get();
            store.setPartitionState(p.computerReference(), p.reference(), "busy");
            Instance placed = i.placedOn(p.computerReference(), p.reference(), null, time.next(i.timestamp()));
            store.updateInstance(placed);
            return placed;
        }
        String wantedHost = sla.get("instance_guid");
        for (Instance host : store.allInstances()) {
            if (host.shared()
                    || !host.allocated()
                    || "destroyed".equals(host.requestedState())
                    || !host.softwareRelease().equals(i.softwareRelease())
                    || !host.softwareType().equals(i.softwareType())) {
                continue;
            }
            if (pinned != null && !pinned.equals(host.computerReference())) {
                continue;
            }
            if (wantedHost != null
                    && !wantedHost.isEmpty()
                    && !wantedHost.equals(host.guid())
                    && !wantedHost.equals(host.computerReference() + "-" + host.partitionReference())) {
                continue;
            }
            Instance placed = i.placedOn(
                    host.computerReference(), host.partitionReference(), host.id(), time.next(i.timestamp()));
            store.updateInstance(placed);
            time.bump(store, host.id());
            return placed;
        }
        return i;
    }

    void allocatePending(Store store) throws SQLException {
        for (Instance pending : store.pending()) {
            allocate(store, pending);
        }
    }
}
