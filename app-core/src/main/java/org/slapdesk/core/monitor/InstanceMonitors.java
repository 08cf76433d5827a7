package org.slapdesk.core.monitor;

import java.util.Map;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.master.Master;

/**
 * The promises of every service of a fleet that publishes a monitor: reads each service's
 * connection parameters once (again only when it fails or the service changes), then each
 * monitor through a {@link PromiseReader}, a few at once. Blocking: call it from a background
 * task after a fleet refresh. The monitor credentials stay in this object's memory.
 */
public final class InstanceMonitors implements AutoCloseable {

    public InstanceMonitors(Master master, PromiseReader reader, int parallelReads) {}

    /** Reads the monitors of the started services of {@code snapshot}; keyed by service title. */
    public Map<String, ServicePromises> read(FleetSnapshot snapshot) throws InterruptedException {
        throw new UnsupportedOperationException("in progress");
    }

    /** The last results read, keyed by service title. */
    public Map<String, ServicePromises> last() {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public void close() {}
}
