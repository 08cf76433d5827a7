package org.slapdesk.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.monitor.MetricsListenAddress;
import org.slapdesk.core.monitor.MetricsServer;
import org.slapdesk.core.monitor.MonitoredFleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the fleets every interval, one after the other, and serves their metrics over HTTP.
 * Closing stops the refresh (cancelling one that runs), the server and the fleets.
 */
final class FleetMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetMonitor.class);

    private final List<MonitoredFleet> fleets;
    private final ScheduledExecutorService refresher;
    private final MetricsServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private FleetMonitor(List<MonitoredFleet> fleets, ScheduledExecutorService refresher, MetricsServer server) {
        this.fleets = fleets;
        this.refresher = refresher;
        this.server = server;
    }

    static FleetMonitor start(List<MonitoredFleet> fleets, MetricsListenAddress listen, Duration interval, Clock clock)
            throws IOException {
        List<MonitoredFleet> monitored = List.copyOf(fleets);
        MetricsServer server = MetricsServer.start(listen, () -> monitored, clock);
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "slapdesk-monitor-refresh");
            thread.setDaemon(true);
            return thread;
        });
        FleetMonitor monitor = new FleetMonitor(monitored, refresher, server);
        refresher.scheduleWithFixedDelay(monitor::refreshAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return monitor;
    }

    int port() {
        return server.port();
    }

    private void refreshAll() {
        for (MonitoredFleet fleet : fleets) {
            try {
                RefreshProgress done = fleet.refresh();
                LOG.debug("profile {}: {}", fleet.profile(), done.describe());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // one profile's trouble must not stop the others nor the schedule
                LOG.warn("profile {}: refresh failed: {}", fleet.profile(), e.getMessage());
            }
        }
    }

    /** Blocks until {@link #close} has run. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        refresher.shutdownNow();
        fleets.forEach(MonitoredFleet::close);
        server.close();
        LOG.info("slapdesk monitor stopped: refresh and metrics server closed");
        closed.countDown();
    }
}
