package org.slapdesk.core.monitor;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Serves the fleets' metrics over HTTP ({@code /metrics}) for Prometheus until closed. */
public final class MetricsServer implements AutoCloseable {

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts listening; {@code fleets} is asked at each scrape, so it may change (another profile).
     *
     * @throws IOException when the address cannot be bound (port busy, address not on this machine)
     */
    public static MetricsServer start(MetricsListenAddress listen, Supplier<List<MonitoredFleet>> fleets, Clock clock)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        FleetMetrics.register(fleets, clock, registry);
        return new MetricsServer(HTTPServer.builder()
                .inetAddress(listen.address())
                .port(listen.port())
                .registry(registry)
                .buildAndStart());
    }

    /** The port listened on (the chosen one when asked for 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
