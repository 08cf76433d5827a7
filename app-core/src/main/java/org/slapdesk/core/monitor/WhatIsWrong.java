package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.health.HealthSample.ObjectRef;

/**
 * "What is wrong now": every red or yellow node, software installation, instance, service and
 * promise, most severe first (red before yellow) and, within a colour, the oldest problem first
 * (objects with no known start last). Pure: no I/O.
 */
public final class WhatIsWrong {

    private WhatIsWrong() {}

    /**
     * The wrong objects of {@code snapshot} and {@code promises}. {@code since} is the master's
     * {@code since} of the object's access status when it has one, else {@code changedAt} (e.g.
     * {@link HealthHistoryStore#changedAt}), else the promise's change time.
     */
    public static List<WrongItem> list(
            String profile,
            FleetSnapshot snapshot,
            Collection<ServicePromises> promises,
            Function<ObjectRef, Optional<Instant>> changedAt) {
        throw new UnsupportedOperationException("in progress");
    }

    public static List<WrongItem> list(String profile, FleetSnapshot snapshot, Collection<ServicePromises> promises) {
        return list(profile, snapshot, promises, ref -> Optional.empty());
    }
}
