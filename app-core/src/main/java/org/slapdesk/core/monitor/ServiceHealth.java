package org.slapdesk.core.monitor;

import java.util.Optional;
import org.slapdesk.core.health.Health;

/**
 * A service's health with what its instance monitor says: the worse of the master's colour and
 * the promises' colour. A promise in ERROR makes the service red, as the monitor stack does
 * (its status documents know only OK and ERROR, and the monitoring app shows an ERROR instance
 * red); WARNING or an unreadable monitor make it yellow. A grey service (stopped, or nothing
 * reported yet) stays grey: its monitor's last word is no news about it.
 */
public final class ServiceHealth {

    private ServiceHealth() {}

    public static Health withPromises(Health master, Optional<ServicePromises> promises) {
        if (promises.isEmpty() || master.level() == Health.Level.GREY) {
            return master;
        }
        Health monitor = promises.get().health();
        return rank(monitor.level()) > rank(master.level()) ? monitor : master;
    }

    private static int rank(Health.Level level) {
        return switch (level) {
            case GREY, GREEN -> 0;
            case YELLOW -> 1;
            case RED -> 2;
        };
    }
}
