package org.slapdesk.gui.wall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.dashboard.DashboardViewModel;
import org.slapdesk.gui.profile.ProfileRegistry;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.settings.SettingsViewModel;
import org.slapdesk.gui.util.Times;

/**
 * Wall mode: the dashboard for a screen across the room. It cycles through the chosen profiles
 * (every {@link #cycleSecondsProperty} seconds, when more than one is chosen), says when the
 * fleet was last read completely, and warns when that reading is stale. FX thread; the view's
 * timer calls {@link #advance} and {@link #tick}.
 */
public final class WallViewModel {

    private final MasterSession session;
    private final DashboardViewModel dashboard;
    private final ProfileRegistry profiles;
    private final SettingsViewModel settings;
    private final Clock clock;
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ObservableList<String> cycle = FXCollections.observableArrayList();
    private final SimpleStringProperty lastRefresh = new SimpleStringProperty("");
    private final SimpleObjectProperty<Optional<String>> stale = new SimpleObjectProperty<>(Optional.empty());

    public WallViewModel(
            MasterSession session,
            DashboardViewModel dashboard,
            ProfileRegistry profiles,
            SettingsViewModel settings,
            Clock clock) {
        this.session = session;
        this.dashboard = dashboard;
        this.profiles = profiles;
        this.settings = settings;
        this.clock = clock;
        session.stateProperty().addListener((o, was, now) -> tick());
        session.progressProperty().addListener((o, was, now) -> tick());
        tick();
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public MasterSession session() {
        return session;
    }

    /** True while the window shows the wall. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The profiles to cycle through, by name; fewer than two means no cycling. */
    public ObservableList<String> cycle() {
        return cycle;
    }

    /** The Settings' wall cycle, in seconds. */
    public IntegerProperty cycleSecondsProperty() {
        return settings.wallCycleSecondsProperty();
    }

    /** "last complete refresh 10:42:07", or why there is none. */
    public ReadOnlyStringProperty lastRefreshProperty() {
        return lastRefresh;
    }

    /** The stale warning, when what the wall shows can no longer be trusted. */
    public ReadOnlyObjectProperty<Optional<String>> staleProperty() {
        return stale;
    }

    /** Opens the next profile of the cycle (after the one in use). */
    public void advance() {
        List<MasterProfile> known =
                cycle.stream().map(profiles::find).flatMap(Optional::stream).toList();
        if (known.size() < 2) {
            return;
        }
        MasterProfile current = profiles.selectedProperty().get();
        int at = known.indexOf(current);
        profiles.selectedProperty().set(known.get((at + 1) % known.size()));
    }

    /** Recomputes the refresh time and the stale warning (the view calls it every second). */
    public void tick() {
        Instant now = clock.instant();
        var progress = session.progressProperty().get();
        lastRefresh.set(progress.lastCompleteRefresh()
                .map(at -> "last complete refresh " + Times.clock(at))
                .orElse("no complete refresh yet"));
        stale.set(Staleness.warning(
                session.stateProperty().get(),
                session.detailProperty().get(),
                progress,
                Duration.ofSeconds(Math.max(1, settings.refreshSecondsProperty().get())),
                now));
    }
}
