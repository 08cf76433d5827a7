package org.slapdesk.gui.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.monitor.AlertEngine;
import org.slapdesk.core.monitor.AlertListener;
import org.slapdesk.core.monitor.AlertOptions;
import org.slapdesk.core.monitor.HealthHistoryStore;
import org.slapdesk.core.monitor.InstanceMonitors;
import org.slapdesk.core.monitor.PromiseReader;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskService;

/**
 * The monitoring of the session's fleet: the alert engine fed by every refresh (its alerts go to
 * {@code alerts} on the FX thread), and after each complete refresh the instance monitors' promises,
 * read in a background task, handed to the alert engine and the health history, and published
 * for the dashboard and the Services page. Monitor credentials stay in the
 * {@link InstanceMonitors}' memory. FX thread.
 */
public final class FleetMonitoring implements AutoCloseable {

    private static final int PARALLEL_MONITOR_READS = 4;

    private final MasterSession session;
    private final TaskService tasks;
    private final Clock clock;
    private final HistoryStores histories;
    private final Predicate<String> alertsEnabled;
    private final AlertListener alerts;
    private final ObjectProperty<Map<String, ServicePromises>> promises = new SimpleObjectProperty<>(Map.of());
    private final List<Subscription> subscriptions = new ArrayList<>();
    private Optional<AlertEngine> engine = Optional.empty();
    private Optional<InstanceMonitors> monitors = Optional.empty();
    private boolean reading;
    private long generation;

    public FleetMonitoring(
            MasterSession session,
            TaskService tasks,
            Clock clock,
            HistoryStores histories,
            Predicate<String> alertsEnabled,
            AlertListener alerts) {
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.histories = histories;
        this.alertsEnabled = alertsEnabled;
        this.alerts = alerts;
        session.fleetProperty().addListener((o, was, now) -> follow(now));
        follow(session.fleetProperty().get());
    }

    /** The last promises read, by service title. */
    public ReadOnlyObjectProperty<Map<String, ServicePromises>> promisesProperty() {
        return promises;
    }

    /** The alert engine of the profile in use, if a master answers. */
    public Optional<AlertEngine> engine() {
        return engine;
    }

    private void follow(FleetState fleet) {
        stop();
        if (fleet == null) {
            return;
        }
        MasterProfile profile = session.profileProperty().get();
        Optional<Master> master = session.master();
        if (profile == null || master.isEmpty()) {
            return;
        }
        long mine = generation;
        AlertEngine alertEngine = new AlertEngine(
                profile.name(), AlertOptions.defaults().withEnabled(alertsEnabled.test(profile.name())), clock);
        subscriptions.add(alertEngine.subscribe(tasks::onFxThread, alerts));
        subscriptions.add(alertEngine.attach(fleet));
        InstanceMonitors instanceMonitors =
                new InstanceMonitors(master.get(), new PromiseReader(clock), PARALLEL_MONITOR_READS);
        subscriptions.add(fleet.subscribe(tasks::onFxThread, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                // promises are read after each complete refresh, changed or not
            }

            @Override
            public void onProgress(RefreshProgress progress) {
                if (mine == generation && progress.phase() == RefreshProgress.Phase.COMPLETE) {
                    readPromises(fleet, alertEngine, instanceMonitors, profile.name());
                }
            }
        }));
        engine = Optional.of(alertEngine);
        monitors = Optional.of(instanceMonitors);
    }

    private void readPromises(FleetState fleet, AlertEngine alertEngine, InstanceMonitors reader, String profile) {
        if (reading) {
            return;
        }
        reading = true;
        long mine = generation;
        Optional<HealthHistoryStore> history = histories.of(profile);
        tasks.task("Read the instance monitors", context -> {
                    Map<String, ServicePromises> read = reader.read(fleet.snapshot());
                    alertEngine.onPromises(read.values());
                    history.ifPresent(h -> h.recordPromises(read.values(), clock.instant()));
                    return read;
                })
                .quiet()
                .onSuccess(read -> {
                    if (mine == generation) {
                        promises.set(Map.copyOf(read));
                    }
                })
                .onDone(() -> {
                    if (mine == generation) {
                        reading = false;
                    }
                })
                .start();
    }

    private void stop() {
        generation++;
        reading = false;
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        monitors.ifPresent(InstanceMonitors::close);
        monitors = Optional.empty();
        engine = Optional.empty();
        promises.set(Map.of());
    }

    @Override
    public void close() {
        stop();
    }
}
