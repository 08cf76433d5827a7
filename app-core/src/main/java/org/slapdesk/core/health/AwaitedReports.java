package org.slapdesk.core.health;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Since when each service of one fleet has waited for its node's first report, as the fleet's
 * refreshes saw it (the master gives no request time). Lets a just-requested service be grey
 * "waiting" for a grace period rather than red. Thread-safe.
 */
public final class AwaitedReports {

    private final Map<String, Instant> waitingSince = new HashMap<>();

    /** {@code service} has still not reported at {@code now}: since when it waits (now when first seen). */
    public synchronized Instant waiting(String service, Instant now) {
        return waitingSince.computeIfAbsent(service, key -> now);
    }

    /** {@code service} has reported (or is gone): it waits no more. */
    public synchronized void reported(String service) {
        waitingSince.remove(service);
    }

    /** Forgets the services the master no longer lists. */
    public synchronized void keepOnly(Set<String> services) {
        waitingSince.keySet().retainAll(services);
    }
}
