package org.slapdesk.gui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.dashboard.DashboardViewModel;
import org.slapdesk.gui.dashboard.FleetMonitoring;
import org.slapdesk.gui.dashboard.HistoryStores;
import org.slapdesk.gui.dashboard.MetricsEndpoint;
import org.slapdesk.gui.live.Poller;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.nodes.NodesViewModel;
import org.slapdesk.gui.nodes.action.RegisterMaster;
import org.slapdesk.gui.nodes.fleet.FleetRunModel;
import org.slapdesk.gui.notify.AlertNotifications;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.notify.NotificationCenter;
import org.slapdesk.gui.profile.AlertSwitch;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.profile.ProfileRegistry;
import org.slapdesk.gui.servers.ServersViewModel;
import org.slapdesk.gui.services.RequestViewModel;
import org.slapdesk.gui.services.ServicesViewModel;
import org.slapdesk.gui.session.ConnectionState;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.settings.SettingsStore;
import org.slapdesk.gui.settings.SettingsViewModel;
import org.slapdesk.gui.task.Sleeper;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.gui.wall.WallViewModel;

/** Builds the window's services and ViewModels once, wired together; closes them on exit. */
public final class AppContext implements AutoCloseable {

    private final Clock clock = Clock.systemDefaultZone();
    // the window's own work, plus room for a fleet run's nodes, so a long fleet run never holds up the rest
    private final ExecutorService workers =
            Executors.newFixedThreadPool(4 + FleetRunModel.MOST_PARALLEL, daemonThreads());
    private final NotificationCenter notifications = new NotificationCenter(clock);
    private final TaskService tasks = new TaskService(workers, Platform::runLater, notifications, Sleeper.REAL, clock);
    private final ProfileRegistry profiles;
    private final MasterSession session;
    private final SettingsViewModel settings;
    private final HealthRules health;
    private final ActivityLog activity;
    private final ServersViewModel servers;
    private final ServicesViewModel services;
    private final HistoryStores histories;
    private final FleetMonitoring monitoring;
    private final MetricsEndpoint metrics;
    private final AlertSwitch alertSwitch;
    private final DashboardViewModel dashboard;
    private final WallViewModel wall;
    private final Poller poller;
    private final NodesViewModel nodes;

    /** Known nodes kept in memory only, SSH trust in ~/.ssh/known_hosts; no health history, alerts off. */
    public AppContext(List<MasterProfile> initialProfiles, MasterConnector connector, ActivityStore activityStore) {
        this(initialProfiles, connector, activityStore, NodeInventory.inMemory(), NodeEnvironment.forThisUser());
    }

    /** Settings kept for this run only; no health history and alerts off. */
    public AppContext(
            List<MasterProfile> initialProfiles,
            MasterConnector connector,
            ActivityStore activityStore,
            NodeInventory nodeInventory,
            NodeEnvironment nodeEnvironment) {
        this(
                initialProfiles,
                connector,
                activityStore,
                nodeInventory,
                nodeEnvironment,
                new SettingsViewModel(SettingsStore.inMemory(), Optional.empty()),
                HistoryStores.none(),
                AlertSwitch.inMemory(false),
                DesktopNotifier.NONE);
    }

    /** {@code settings} read from where they are kept; no health history and alerts off. */
    public AppContext(
            List<MasterProfile> initialProfiles,
            MasterConnector connector,
            ActivityStore activityStore,
            NodeInventory nodeInventory,
            NodeEnvironment nodeEnvironment,
            SettingsViewModel settings) {
        this(
                initialProfiles,
                connector,
                activityStore,
                nodeInventory,
                nodeEnvironment,
                settings,
                HistoryStores.none(),
                AlertSwitch.inMemory(false),
                DesktopNotifier.NONE);
    }

    /** Settings kept for this run only, with the given history, alert setting and desktop notifier. */
    public AppContext(
            List<MasterProfile> initialProfiles,
            MasterConnector connector,
            ActivityStore activityStore,
            NodeInventory nodeInventory,
            NodeEnvironment nodeEnvironment,
            HistoryStores histories,
            AlertSwitch storedAlerts,
            DesktopNotifier desktopNotifier) {
        this(
                initialProfiles,
                connector,
                activityStore,
                nodeInventory,
                nodeEnvironment,
                new SettingsViewModel(SettingsStore.inMemory(), Optional.empty()),
                histories,
                storedAlerts,
                desktopNotifier);
    }

    /**
     * {@code settings}: read from where they are kept, the health rules use its thresholds;
     * {@code histories}: where each profile's health history is kept (the dashboard's chart reads
     * it); {@code storedAlerts}: the per-profile alert setting; {@code desktopNotifier}: where alerts
     * show outside the window.
     */
    public AppContext(
            List<MasterProfile> initialProfiles,
            MasterConnector connector,
            ActivityStore activityStore,
            NodeInventory nodeInventory,
            NodeEnvironment nodeEnvironment,
            SettingsViewModel settings,
            HistoryStores histories,
            AlertSwitch storedAlerts,
            DesktopNotifier desktopNotifier) {
        this.settings = settings;
        health = new HealthRules(clock, settings::thresholds);
        this.histories = histories;
        histories.useRetention(Duration.ofDays(settings.retentionDaysProperty().get()));
        settings.retentionDaysProperty()
                .addListener((o, was, now) -> histories.useRetention(Duration.ofDays(now.intValue())));
        profiles = new ProfileRegistry(initialProfiles);
        session = new MasterSession(tasks, connector, clock, health, histories::recorderFor);
        activity = new ActivityLog(
                clock,
                () -> profiles.selectedProperty().get() == null
                        ? ""
                        : profiles.selectedProperty().get().name(),
                activityStore);
        servers = new ServersViewModel(session, tasks, health, activity, clock);
        monitoring = new FleetMonitoring(
                session,
                tasks,
                clock,
                histories,
                storedAlerts::enabled,
                new AlertNotifications(notifications, desktopNotifier));
        services = new ServicesViewModel(session, tasks, health, activity, clock, monitoring.promisesProperty());
        this.alertSwitch = new AlertSwitch() {
            @Override
            public boolean enabled(String profile) {
                return storedAlerts.enabled(profile);
            }

            @Override
            public void setEnabled(String profile, boolean on) {
                storedAlerts.setEnabled(profile, on);
                MasterProfile current = session.profileProperty().get();
                if (current != null && current.name().equals(profile)) {
                    monitoring.engine().ifPresent(engine -> engine.setEnabled(on));
                }
            }
        };
        metrics = new MetricsEndpoint(settings, session, tasks, clock, monitoring.promisesProperty());
        settings.localAlertsProperty().set(alertSwitch.enabled(MasterProfile.LOCAL_NAME));
        settings.localAlertsProperty()
                .addListener((o, was, now) -> alertSwitch.setEnabled(MasterProfile.LOCAL_NAME, now));
        dashboard = new DashboardViewModel(session, tasks, clock, histories, monitoring.promisesProperty());
        wall = new WallViewModel(session, dashboard, profiles, settings, clock);
        nodes = new NodesViewModel(tasks, activity, clock, nodeInventory, nodeEnvironment);
        nodes.registerWith(() -> RegisterMaster.of(
                session.profileProperty().get(), session.master().map(Master::url)));
        poller = new Poller(Platform::runLater, this::refreshAll);
        session.onConnected(this::refreshAll);
        profiles.selectedProperty().addListener((o, was, now) -> session.open(now));
        settings.refreshSecondsProperty()
                .addListener((o, was, now) -> poller.every(Duration.ofSeconds(now.intValue())));
    }

    /** Starts live refresh and opens the given profile (or the first one). FX thread. */
    public void start(String profileName) {
        poller.every(Duration.ofSeconds(settings.refreshSecondsProperty().get()));
        nodes.list().load();
        MasterProfile chosen = profileName == null
                ? (profiles.profiles().isEmpty() ? null : profiles.profiles().get(0))
                : profiles.find(profileName)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "no profile named '" + profileName + "'; known: " + profiles.profiles()));
        if (chosen == null) {
            session.open(null);
        } else {
            profiles.selectedProperty().set(chosen);
        }
    }

    /** Refreshes the fleet state every list page shows (off the FX thread). */
    public void refreshAll() {
        session.refreshFleet();
    }

    public RequestViewModel newRequest() {
        return new RequestViewModel(
                tasks,
                () -> session.master().map(Master::releaseSchemas),
                () -> session.fleetProperty().get() == null
                        ? FleetSnapshot.empty()
                        : session.fleetProperty().get().snapshot());
    }

    public Clock clock() {
        return clock;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    public TaskService tasks() {
        return tasks;
    }

    public ProfileRegistry profiles() {
        return profiles;
    }

    public MasterSession session() {
        return session;
    }

    public ActivityLog activity() {
        return activity;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ServersViewModel servers() {
        return servers;
    }

    public ServicesViewModel services() {
        return services;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    /** The per-profile alert setting; a change applies at once to the profile in use. */
    public AlertSwitch alertSwitch() {
        return alertSwitch;
    }

    public FleetMonitoring monitoring() {
        return monitoring;
    }

    /** The metrics served for Prometheus when the setting is on. */
    public MetricsEndpoint metrics() {
        return metrics;
    }

    public WallViewModel wall() {
        return wall;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    /** True once the first connection attempt ended and no refresh is running (for snapshots and tests). */
    public boolean settled() {
        return session.stateProperty().get() != ConnectionState.CONNECTING
                && !session.refreshingProperty().get();
    }

    @Override
    public void close() {
        poller.close();
        nodes.close();
        metrics.close();
        monitoring.close();
        session.close();
        histories.close();
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "slapdesk-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
