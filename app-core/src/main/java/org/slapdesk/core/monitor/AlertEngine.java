package org.slapdesk.core.monitor;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.Subscription;

/**
 * Turns colour changes into alerts for one profile: an object (node, installation, instance,
 * service, promise) that turns red raises one alert, and no other while it stays red; when more
 * than {@link AlertOptions#summaryThreshold} turn red in one refresh, one summary alert names them
 * all. Disabled, it raises nothing but keeps tracking colours (so enabling it does not replay old
 * reds). Keeps the last {@link AlertOptions#historySize} alerts in memory. Pure core: the window
 * shows them as desktop notifications.
 *
 * <p>Thread safety: all methods may be called from any thread; listeners run on their executors.
 */
public final class AlertEngine {

    public AlertEngine(String profile, AlertOptions options, Clock clock) {}

    /** Feeds the engine from {@code fleet}'s updates (on the fleet's refresh thread). */
    public Subscription attach(FleetState fleet) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The alerts the fleet's colour changes raise (also delivered to the listeners). */
    public List<Alert> onUpdate(FleetUpdate update) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The alerts the promises' status changes raise (also delivered to the listeners). */
    public List<Alert> onPromises(Collection<ServicePromises> promises) {
        throw new UnsupportedOperationException("in progress");
    }

    public Subscription subscribe(Executor executor, AlertListener listener) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The last alerts, oldest first. */
    public List<Alert> history() {
        throw new UnsupportedOperationException("in progress");
    }

    public boolean enabled() {
        throw new UnsupportedOperationException("in progress");
    }

    public void setEnabled(boolean enabled) {
        throw new UnsupportedOperationException("in progress");
    }
}
