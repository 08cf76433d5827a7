package org.slapdesk.gui.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetStates;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.task.TaskService;

/**
 * The master in use: which profile, whether it answers, and its one {@link FleetState} that every
 * list page reads (opened on connect, forgotten on a profile switch, which cancels its refresh).
 * Switching profile closes the old master and connects the new one in a background task. FX
 * thread only.
 */
public final class MasterSession implements AutoCloseable {

    private static final String NO_PROFILE = "choose or add a profile";

    private final TaskService tasks;
    private final MasterConnector connector;
    private final Clock clock;
    private final Function<String, HealthRecorder> recorders;
    private final ObjectProperty<MasterProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Master> master = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.NO_MASTER);
    private final StringProperty detail = new SimpleStringProperty(NO_PROFILE);
    private final ObjectProperty<Instant> lastRefresh = new SimpleObjectProperty<>();
    private final List<Runnable> onConnected = new ArrayList<>();
    private final FleetStates fleets;
    private final ObjectProperty<FleetState> fleet = new SimpleObjectProperty<>();
    private final ObjectProperty<RefreshProgress> progress = new SimpleObjectProperty<>(RefreshProgress.notStarted());
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private Subscription progressSubscription = () -> {};
    private boolean refreshAgain;
    private long generation;

    public MasterSession(TaskService tasks, MasterConnector connector, Clock clock, HealthRules rules) {
        this(tasks, connector, clock, rules, profileName -> HealthRecorder.none());
    }

    /** {@code recorders} gives each profile's fleet state where to record its health history. */
    public MasterSession(
            TaskService tasks,
            MasterConnector connector,
            Clock clock,
            HealthRules rules,
            Function<String, HealthRecorder> recorders) {
        this.tasks = tasks;
        this.connector = connector;
        this.clock = clock;
        this.recorders = recorders;
        // the fleet state reads the master this session opened; the session closes that master
        this.fleets = new FleetStates(profileName ->
                new FleetState(master.get(), FleetOptions.defaults(), rules, recorders.apply(profileName)));
    }

    /** The connected profile's fleet state; null while no master answers. */
    public ReadOnlyObjectProperty<FleetState> fleetProperty() {
        return fleet;
    }

    /** Where the fleet's reading stands (updated while a refresh runs). */
    public ReadOnlyObjectProperty<RefreshProgress> progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing;
    }

    /** Reads the fleet off the FX thread; a refresh asked for while one runs is folded into one more after it. */
    public void refreshFleet() {
        FleetState current = fleet.get();
        if (current == null) {
            return;
        }
        if (refreshing.get()) {
            refreshAgain = true;
            return;
        }
        refreshing.set(true);
        long mine = generation;
        tasks.task("Refresh the fleet", context -> current.refresh())
                .quiet()
                .onDone(() -> {
                    if (mine != generation) {
                        return;
                    }
                    refreshing.set(false);
                    if (refreshAgain) {
                        refreshAgain = false;
                        refreshFleet();
                    }
                })
                .start();
    }

    public ReadOnlyObjectProperty<MasterProfile> profileProperty() {
        return profile;
    }

    public ReadOnlyObjectProperty<Master> masterProperty() {
        return master;
    }

    public Optional<Master> master() {
        return Optional.ofNullable(master.get());
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /** What an empty list should say: why it is empty when no master answers, else {@code whenConnected}. */
    public StringBinding emptyListText(String whenConnected) {
        return Bindings.createStringBinding(
                () -> switch (state.get()) {
                    case CONNECTED -> whenConnected;
                    case CONNECTING -> "Connecting to the master…";
                    case NO_MASTER -> "No master configured: choose or add a profile.";
                    case UNREACHABLE, FAILED -> "The master does not answer: " + detail.get();
                },
                state,
                detail);
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshProperty() {
        return lastRefresh;
    }

    /** Runs (on the FX thread) each time a master becomes available. */
    public void onConnected(Runnable action) {
        onConnected.add(action);
    }

    public void open(MasterProfile next) {
        long mine = ++generation;
        closeCurrent();
        profile.set(next);
        if (next == null) {
            state.set(ConnectionState.NO_MASTER);
            detail.set(NO_PROFILE);
            return;
        }
        state.set(ConnectionState.CONNECTING);
        detail.set("connecting to " + next.name() + "…");
        tasks.task("Connect to " + next.name(), context -> {
                    Master opened = connector.connect(next);
                    // opens the profile's health history here, off the FX thread, before its fleet state needs it
                    recorders.apply(next.name());
                    return opened;
                })
                .onSuccess(opened -> {
                    if (mine != generation) {
                        opened.close();
                        return;
                    }
                    master.set(opened);
                    state.set(ConnectionState.CONNECTED);
                    detail.set(opened.url());
                    openFleet(next.name());
                    onConnected.forEach(Runnable::run);
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        state.set(ConnectionState.FAILED);
                        detail.set(String.valueOf(error.getMessage()));
                    }
                })
                .start();
    }

    private void openFleet(String profileName) {
        try {
            FleetState opened = fleets.of(profileName);
            progressSubscription = opened.subscribe(tasks::onFxThread, new FleetListener() {
                @Override
                public void onUpdate(FleetUpdate update) {
                    // the pages subscribe for the rows
                }

                @Override
                public void onProgress(RefreshProgress now) {
                    if (fleet.get() == opened) {
                        followProgress(opened, now);
                    }
                }
            });
            progress.set(opened.progress());
            fleet.set(opened);
        } catch (MasterException e) {
            refreshFailed(e);
        }
    }

    private void followProgress(FleetState source, RefreshProgress now) {
        progress.set(now);
        switch (now.phase()) {
            case COMPLETE, PARTIAL -> refreshed();
            case FAILED ->
                source.lastFailure().ifPresent(error -> {
                    if (refreshFailed(error)) {
                        tasks.notifications().error("Cannot read the fleet from the master", error);
                    }
                });
            default -> {
                // still reading, or cancelled: the connection state stays as it is
            }
        }
    }

    /** A refresh read the master: it answers. */
    public void refreshed() {
        lastRefresh.set(clock.instant());
        if (master.get() != null) {
            state.set(ConnectionState.CONNECTED);
            detail.set(master.get().url());
        }
    }

    /** A refresh failed; true when this is news (the state changed), so the caller notifies once. */
    public boolean refreshFailed(Throwable error) {
        if (master.get() == null) {
            return false;
        }
        ConnectionState next =
                error instanceof MasterException.Unreachable ? ConnectionState.UNREACHABLE : ConnectionState.FAILED;
        boolean news = state.get() == ConnectionState.CONNECTED;
        state.set(next);
        detail.set(String.valueOf(error.getMessage()));
        return news;
    }

    private void forgetFleet() {
        progressSubscription.close();
        progressSubscription = () -> {};
        fleet.set(null);
        refreshing.set(false);
        refreshAgain = false;
        progress.set(RefreshProgress.notStarted());
        MasterProfile current = profile.get();
        if (current != null) {
            fleets.forget(current.name());
        }
    }

    private void closeCurrent() {
        forgetFleet();
        Master old = master.get();
        master.set(null);
        if (old != null) {
            tasks.task("Disconnect from " + old.url(), context -> {
                        old.close();
                        return null;
                    })
                    .quiet()
                    .start();
        }
    }

    @Override
    public void close() {
        generation++;
        forgetFleet();
        fleets.close();
        Master old = master.get();
        master.set(null);
        if (old != null) {
            old.close();
        }
    }
}
