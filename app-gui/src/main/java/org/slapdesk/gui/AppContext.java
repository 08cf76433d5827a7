package org.slapdesk.gui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.dashboard.DashboardViewModel;
import org.slapdesk.gui.live.Poller;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.nodes.NodesViewModel;
import org.slapdesk.gui.nodes.action.RegisterMaster;
import org.slapdesk.gui.nodes.fleet.FleetRunModel;
import org.slapdesk.gui.notify.NotificationCenter;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.profile.ProfileRegistry;
import org.slapdesk.gui.servers.ServersViewModel;
import org.slapdesk.gui.services.RequestViewModel;
import org.slapdesk.gui.services.ServicesViewModel;
import org.slapdesk.gui.session.ConnectionState;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.settings.SettingsViewModel;
import org.slapdesk.gui.task.Sleeper;
import org.slapdesk.gui.task.TaskService;

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
    private final HealthRules health = new HealthRules(clock);
    private final ActivityLog activity;
    private final SettingsViewModel settings = new SettingsViewModel();
    private final ServersViewModel servers;
    private final ServicesViewModel services;
    private final DashboardViewModel dashboard;
    private final Poller poller;
    private final NodesViewModel nodes;

    /** Known nodes kept in memory only, SSH trust in ~/.ssh/known_hosts. */
    public AppContext(List<MasterProfile> initialProfiles, MasterConnector connector, ActivityStore activityStore) {
        this(initialProfiles, connector, activityStore, NodeInventory.inMemory(), NodeEnvironment.forThisUser());
    }

    public AppContext(
            List<MasterProfile> initialProfiles,
            MasterConnector connector,
            ActivityStore activityStore,
            NodeInventory nodeInventory,
            NodeEnvironment nodeEnvironment) {
        profiles = new ProfileRegistry(initialProfiles);
        session = new MasterSession(tasks, connector, clock, health);
        activity = new ActivityLog(
                clock,
                () -> profiles.selectedProperty().get() == null
                        ? ""
                        : profiles.selectedProperty().get().name(),
                activityStore);
        servers = new ServersViewModel(session, tasks, health, activity, clock);
        services = new ServicesViewModel(session, tasks, health, activity, clock);
        dashboard = new DashboardViewModel(servers, services);
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
        return new RequestViewModel(tasks, () -> session.master().map(Master::releaseSchemas));
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
        session.close();
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
