package org.slapdesk.core.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promises of every started service of a fleet that publishes a monitor: reads each
 * service's connection parameters once (a service without a monitor is asked again every
 * {@value #RECHECK_EVERY} reads, since its monitor may be published later), then each monitor
 * through a {@link PromiseReader}, {@code parallelReads} at once. Blocking: call it from a
 * background task after a fleet refresh. The monitor credentials stay in this object's memory.
 */
public final class InstanceMonitors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceMonitors.class);
    static final int RECHECK_EVERY = 10;

    private final Master master;
    private final PromiseReader reader;
    private final ExecutorService reads;
    private final Map<String, Optional<MonitorAccess>> accessByService = new ConcurrentHashMap<>();
    private final Map<String, Integer> readsWithoutMonitor = new ConcurrentHashMap<>();
    private volatile Map<String, ServicePromises> last = Map.of();
    private volatile boolean closed;

    public InstanceMonitors(Master master, PromiseReader reader, int parallelReads) {
        this.master = master;
        this.reader = reader;
        this.reads = Executors.newFixedThreadPool(Math.max(1, parallelReads), r -> {
            Thread t = new Thread(r, "slapdesk-monitor-read");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads the monitors of the started services of {@code snapshot}; keyed by service title.
     * Once {@link #close closed}, reads nothing: a read in progress returns an empty map at once.
     */
    public Map<String, ServicePromises> read(FleetSnapshot snapshot) throws InterruptedException {
        List<String> titles = new ArrayList<>();
        for (Map.Entry<String, Tracked<InstanceTree>> e : snapshot.services().entrySet()) {
            InstanceTree tree = e.getValue().value();
            if (!tree.shared() && tree.requestedState().orElse(RequestedState.STARTED) == RequestedState.STARTED) {
                titles.add(e.getKey());
            }
        }
        accessByService.keySet().retainAll(titles);
        Map<String, Future<Optional<ServicePromises>>> pending = new LinkedHashMap<>();
        try {
            for (String title : titles) {
                pending.put(title, reads.submit(() -> readOne(title)));
            }
        } catch (RejectedExecutionException e) {
            return closedDuringRead(pending);
        }
        Map<String, ServicePromises> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Future<Optional<ServicePromises>>> e : pending.entrySet()) {
                try {
                    e.getValue().get().ifPresent(p -> out.put(e.getKey(), p));
                } catch (ExecutionException | CancellationException failed) {
                    if (closed) {
                        return closedDuringRead(pending);
                    }
                    LOG.warn("reading the monitor of {} failed", e.getKey(), failed.getCause());
                }
            }
        } catch (InterruptedException e) {
            pending.values().forEach(f -> f.cancel(true));
            throw e;
        }
        if (closed) {
            return closedDuringRead(pending);
        }
        last = Map.copyOf(out);
        return out;
    }

    /** Shutdown interrupted the reads: an expected end, not a failure worth a warning. */
    private static Map<String, ServicePromises> closedDuringRead(
            Map<String, Future<Optional<ServicePromises>>> pending) {
        pending.values().forEach(f -> f.cancel(true));
        LOG.debug("monitor reader closed during a read: {} reads stopped", pending.size());
        return Map.of();
    }

    private Optional<ServicePromises> readOne(String title) throws InterruptedException {
        Optional<MonitorAccess> access = access(title);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reader.read(title, access.get()));
    }

    private Optional<MonitorAccess> access(String title) {
        Optional<MonitorAccess> known = accessByService.get(title);
        if (known != null && known.isPresent()) {
            return known;
        }
        if (known != null && readsWithoutMonitor.merge(title, 1, Integer::sum) % RECHECK_EVERY != 0) {
            return known;
        }
        try {
            Optional<MonitorAccess> read = MonitorAccess.from(master.connectionParameters(title));
            accessByService.put(title, read);
            return read;
        } catch (MasterException e) {
            // not cached: asked again on the next read
            LOG.debug("no connection parameters for {}: {}", title, e.getMessage());
            return Optional.empty();
        }
    }

    /** The last results read, keyed by service title. */
    public Map<String, ServicePromises> last() {
        return last;
    }

    @Override
    public void close() {
        closed = true;
        reads.shutdownNow();
        accessByService.clear();
    }
}
