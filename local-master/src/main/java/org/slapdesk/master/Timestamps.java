package org.slapdesk.master;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Store;

/**
 * Instance timestamps in microseconds, as the SlapOS master sends them; strictly increasing per
 * instance, because a node reprocesses a partition exactly when its timestamp changes.
 */
final class Timestamps {

    private final Clock clock;

    Timestamps(Clock clock) {
        this.clock = clock;
    }

    long millis() {
        return clock.millis();
    }

    long next(long previous) {
        return Math.max(clock.millis() * 1000L, previous + 1);
    }

    /** Makes the node reprocess this instance. */
    void bump(Store store, long id) throws SQLException {
        Optional<Instance> i = store.instance(id);
        if (i.isPresent()) {
            store.updateInstance(i.get().withTimestamp(next(i.get().timestamp())));
        }
    }
}
