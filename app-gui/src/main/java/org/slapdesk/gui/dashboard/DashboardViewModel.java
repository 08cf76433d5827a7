package org.slapdesk.gui.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.HealthSpan;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.monitor.HealthHistoryStore;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskService;

/**
 * The Dashboard: counts per health colour of servers, software installations and services, what
 * is wrong now (worked out on the refreshing thread from each fleet update), the history chart of
 * one kind over the chosen range and the strip of the selected wrong object (read from the
 * profile's health history off the FX thread). Clicks lead to the list pages through the
 * navigator the shell sets. FX thread.
 */
public final class DashboardViewModel {

    private final MasterSession session;
    private final TaskService tasks;
    private final Clock clock;
    private final HistoryStores histories;
    private final ObservableValue<Map<String, ServicePromises>> promises;
    private final ObjectProperty<DashboardFigures> figures = new SimpleObjectProperty<>(DashboardFigures.none());
    private final ObjectProperty<Instant> figuresAt = new SimpleObjectProperty<>();
    private final ObjectProperty<HistoryRange> range = new SimpleObjectProperty<>(HistoryRange.DAY);
    private final ObjectProperty<ObjectKind> chartKind = new SimpleObjectProperty<>(ObjectKind.SERVER);
    private final ObservableList<ColourCounts> history = FXCollections.observableArrayList();
    private final StringProperty historyNote = new SimpleStringProperty("");
    private final ObjectProperty<WrongRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<HealthSpan> strip = FXCollections.observableArrayList();
    private Consumer<DashboardLink> navigator = link -> {};
    private Subscription subscription = () -> {};
    private long historyGeneration;

    public DashboardViewModel(MasterSession session, TaskService tasks, Clock clock, HistoryStores histories) {
        this(session, tasks, clock, histories, new SimpleObjectProperty<>(Map.of()));
    }

    /** {@code promises}: the instance monitors' last promises by service title (a failing one is wrong now). */
    public DashboardViewModel(
            MasterSession session,
            TaskService tasks,
            Clock clock,
            HistoryStores histories,
            ObservableValue<Map<String, ServicePromises>> promises) {
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.histories = histories;
        this.promises = promises;
        promises.addListener((o, was, now) -> recompute());
        session.fleetProperty().addListener((o, was, now) -> follow(now));
        range.addListener((o, was, now) -> reloadHistory());
        chartKind.addListener((o, was, now) -> reloadHistory());
        selected.addListener((o, was, now) -> reloadHistory());
        follow(session.fleetProperty().get());
    }

    public ReadOnlyObjectProperty<DashboardFigures> figuresProperty() {
        return figures;
    }

    /** When the figures were worked out: the "now" their ages are counted to. */
    public ReadOnlyObjectProperty<Instant> figuresAtProperty() {
        return figuresAt;
    }

    public ObjectProperty<HistoryRange> rangeProperty() {
        return range;
    }

    /** Which kind of object the history chart counts. */
    public ObjectProperty<ObjectKind> chartKindProperty() {
        return chartKind;
    }

    /** Counts per colour over the range, oldest first (a few hundred points at most). */
    public ObservableList<ColourCounts> history() {
        return history;
    }

    /** Why the chart is empty, when it is. */
    public ReadOnlyStringProperty historyNoteProperty() {
        return historyNote;
    }

    /** The wrong object whose strip is shown. */
    public ObjectProperty<WrongRow> selectedProperty() {
        return selected;
    }

    /** The selected object's colours over the range, oldest first. */
    public ObservableList<HealthSpan> strip() {
        return strip;
    }

    public Clock clock() {
        return clock;
    }

    /** The shell says how to open a list page. */
    public void navigateWith(Consumer<DashboardLink> navigator) {
        this.navigator = navigator;
    }

    public void open(DashboardLink link) {
        navigator.accept(link);
    }

    /** Reads the chart's counts and the selected object's strip from the history, off the FX thread. */
    public void reloadHistory() {
        long mine = ++historyGeneration;
        Optional<HealthHistoryStore> store = histories.of(profileName());
        if (store.isEmpty()) {
            history.clear();
            strip.clear();
            historyNote.set("No health history is kept: the application database is not open.");
            return;
        }
        HistoryRange chosenRange = range.get();
        ObjectKind kind = chartKind.get();
        WrongRow object = selected.get();
        tasks.task("Read the health history", context -> {
                    var span = chosenRange.until(clock);
                    List<ColourCounts> counts = store.get().counts(kind.historyKind(), span);
                    List<HealthSpan> spans =
                            object == null ? List.of() : store.get().strip(object.object(), span);
                    return new HistoryRead(counts, spans);
                })
                .quiet()
                .onSuccess(read -> {
                    if (mine != historyGeneration) {
                        return;
                    }
                    history.setAll(read.counts());
                    strip.setAll(read.strip());
                    historyNote.set(
                            read.counts().isEmpty()
                                    ? "No history for this range yet: it grows with each complete refresh."
                                    : "");
                })
                .start();
    }

    private String profileName() {
        MasterProfile profile = session.profileProperty().get();
        return profile == null ? null : profile.name();
    }

    private void follow(FleetState fleet) {
        subscription.close();
        subscription = () -> {};
        selected.set(null);
        if (fleet == null) {
            show(DashboardFigures.none());
            return;
        }
        String profile = profileName();
        Optional<HealthHistoryStore> store = histories.of(profile);
        subscription = fleet.subscribe(Runnable::run, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                DashboardFigures fresh = figuresOf(profile, store, update.snapshot(), promises.getValue());
                tasks.onFxThread(() -> {
                    if (session.fleetProperty().get() == fleet) {
                        show(fresh);
                        reloadHistory();
                    }
                });
            }
        });
        show(DashboardFigures.of(profile, fleet.snapshot(), List.of(), ref -> Optional.empty()));
        reloadHistory();
    }

    /** New promises: the same fleet, worked out again off the FX thread. */
    private void recompute() {
        FleetState fleet = session.fleetProperty().get();
        if (fleet == null) {
            return;
        }
        String profile = profileName();
        Optional<HealthHistoryStore> store = histories.of(profile);
        Map<String, ServicePromises> now = promises.getValue();
        tasks.task("Work out what is wrong now", context -> figuresOf(profile, store, fleet.snapshot(), now))
                .quiet()
                .onSuccess(fresh -> {
                    if (session.fleetProperty().get() == fleet) {
                        show(fresh);
                    }
                })
                .start();
    }

    private static DashboardFigures figuresOf(
            String profile,
            Optional<HealthHistoryStore> store,
            FleetSnapshot snapshot,
            Map<String, ServicePromises> promises) {
        return DashboardFigures.of(
                profile, snapshot, promises.values(), ref -> store.flatMap(history -> history.changedAt(ref)));
    }

    private void show(DashboardFigures fresh) {
        figuresAt.set(clock.instant());
        figures.set(fresh);
    }

    private record HistoryRead(List<ColourCounts> counts, List<HealthSpan> strip) {}
}
