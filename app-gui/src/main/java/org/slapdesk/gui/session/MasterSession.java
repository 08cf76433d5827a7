package org.slapdesk.gui.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.profile.MasterConnector;
import org.slapdesk.gui.task.TaskService;

/**
 * The master in use: which profile, whether it answers, when data was last read. Switching
 * profile closes the old master and connects the new one in a background task. FX thread only.
 */
public final class MasterSession implements AutoCloseable {

    private static final String NO_PROFILE = "choose or add a profile";

    private final TaskService tasks;
    private final MasterConnector connector;
    private final Clock clock;
    private final ObjectProperty<MasterProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Master> master = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.NO_MASTER);
    private final StringProperty detail = new SimpleStringProperty(NO_PROFILE);
    private final ObjectProperty<Instant> lastRefresh = new SimpleObjectProperty<>();
    private final List<Runnable> onConnected = new ArrayList<>();
    private long generation;

    public MasterSession(TaskService tasks, MasterConnector connector, Clock clock) {
        this.tasks = tasks;
        this.connector = connector;
        this.clock = clock;
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
        tasks.task("Connect to " + next.name(), context -> connector.connect(next))
                .onSuccess(opened -> {
                    if (mine != generation) {
                        opened.close();
                        return;
                    }
                    master.set(opened);
                    state.set(ConnectionState.CONNECTED);
                    detail.set(opened.url());
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

    private void closeCurrent() {
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
        Master old = master.get();
        master.set(null);
        if (old != null) {
            old.close();
        }
    }
}
