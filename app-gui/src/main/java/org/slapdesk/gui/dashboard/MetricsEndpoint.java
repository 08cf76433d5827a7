package org.slapdesk.gui.dashboard;

import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.monitor.MetricsListenAddress;
import org.slapdesk.core.monitor.MetricsServer;
import org.slapdesk.core.monitor.MonitoredFleet;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.settings.SettingsViewModel;
import org.slapdesk.gui.task.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the metrics of the profile in use for Prometheus, the same series as
 * {@code slapdesk monitor}, while the setting is on: started, moved or stopped as the settings
 * change, with what happened in the settings' {@code metricsStateProperty}. A scrape reads the last snapshot, never
 * the master. FX thread.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final SettingsViewModel settings;
    private final MasterSession session;
    private final TaskService tasks;
    private final Clock clock;
    private final StringProperty state;
    // read by the server's threads at each scrape
    private volatile List<MonitoredFleet> served = List.of();
    private Optional<MetricsServer> server = Optional.empty();
    private Optional<Subscription> progress = Optional.empty();
    private Map<String, ServicePromises> lastPromises = Map.of();
    private long refreshStartedNanos;

    public MetricsEndpoint(
            SettingsViewModel settings,
            MasterSession session,
            TaskService tasks,
            Clock clock,
            ObservableValue<Map<String, ServicePromises>> promises) {
        this.settings = settings;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.state = settings.metricsStateProperty();
        session.fleetProperty().addListener((o, was, now) -> follow(now));
        follow(session.fleetProperty().get());
        promises.addListener((o, was, now) -> usePromises(now));
        usePromises(promises.getValue());
        settings.metricsOnProperty().addListener((o, was, now) -> apply());
        settings.metricsListenProperty().addListener((o, was, now) -> apply());
        settings.metricsAnyHostProperty().addListener((o, was, now) -> apply());
        apply();
    }

    /** The port listened on, when listening. */
    public Optional<Integer> port() {
        return server.map(MetricsServer::port);
    }

    private void apply() {
        stopServer();
        if (!settings.metricsOnProperty().get()) {
            state.set("Off.");
            return;
        }
        MetricsListenAddress listen;
        try {
            listen = MetricsListenAddress.parse(settings.metricsListenProperty().get());
        } catch (IllegalArgumentException e) {
            state.set("Not serving: the address " + e.getMessage() + ". Type it as 127.0.0.1:9464.");
            return;
        }
        if (!listen.isLoopback() && !settings.metricsAnyHostProperty().get()) {
            state.set("Not serving: " + listen + " can be reached from other hosts, and the metrics name every"
                    + " server and service. Use 127.0.0.1, or tick \"Allow other hosts\".");
            return;
        }
        try {
            MetricsServer started = MetricsServer.start(listen, () -> served, clock);
            server = Optional.of(started);
            String where = new MetricsListenAddress(listen.address(), started.port()).toString();
            state.set("Listening on http://" + where + "/metrics");
            LOG.info("serving metrics on {}", where);
        } catch (BindException e) {
            state.set("Not serving: port " + listen.port() + " on "
                    + listen.address().getHostAddress()
                    + " is busy (another program, or a slapdesk monitor, uses it) or not on this machine."
                    + " Choose another port, or stop that program.");
        } catch (IOException e) {
            state.set("Not serving: " + e.getMessage());
        }
    }

    private void follow(FleetState fleet) {
        progress.ifPresent(Subscription::close);
        progress = Optional.empty();
        MasterProfile profile = session.profileProperty().get();
        if (fleet == null || profile == null) {
            served = List.of();
            return;
        }
        MonitoredFleet monitored = new MonitoredFleet(profile.name(), fleet);
        monitored.usePromises(lastPromises);
        served = List.of(monitored);
        progress = Optional.of(fleet.subscribe(tasks::onFxThread, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                // a scrape reads the fleet's snapshot itself
            }

            @Override
            public void onProgress(RefreshProgress now) {
                switch (now.phase()) {
                    case LISTING -> refreshStartedNanos = System.nanoTime();
                    case COMPLETE, PARTIAL, FAILED ->
                        monitored.refreshed(now, Duration.ofNanos(System.nanoTime() - refreshStartedNanos));
                    default -> {
                        // running or cancelled: nothing to count
                    }
                }
            }
        }));
    }

    private void usePromises(Map<String, ServicePromises> promises) {
        lastPromises = promises == null ? Map.of() : promises;
        served.forEach(fleet -> fleet.usePromises(lastPromises));
    }

    private void stopServer() {
        server.ifPresent(MetricsServer::close);
        server = Optional.empty();
    }

    @Override
    public void close() {
        progress.ifPresent(Subscription::close);
        progress = Optional.empty();
        stopServer();
        served = List.of();
        state.set("Off.");
    }
}
