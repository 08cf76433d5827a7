package org.slapdesk.gui.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskService;

/**
 * The Dashboard: counts per health colour of servers, software installations and services, and
 * what is wrong now, worked out from each fleet update on the refreshing thread and shown on the
 * FX thread; clicks lead to the list pages through the navigator the shell sets.
 */
public final class DashboardViewModel {

    private final MasterSession session;
    private final TaskService tasks;
    private final Clock clock;
    private final ObjectProperty<DashboardFigures> figures = new SimpleObjectProperty<>(DashboardFigures.none());
    private final ObjectProperty<Instant> figuresAt = new SimpleObjectProperty<>();
    private Consumer<DashboardLink> navigator = link -> {};
    private Subscription subscription = () -> {};

    public DashboardViewModel(MasterSession session, TaskService tasks, Clock clock) {
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        session.fleetProperty().addListener((o, was, now) -> follow(now));
        follow(session.fleetProperty().get());
    }

    public ReadOnlyObjectProperty<DashboardFigures> figuresProperty() {
        return figures;
    }

    /** When the figures were worked out: the "now" their ages are counted to. */
    public ReadOnlyObjectProperty<Instant> figuresAtProperty() {
        return figuresAt;
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

    private void follow(FleetState fleet) {
        subscription.close();
        subscription = () -> {};
        if (fleet == null) {
            show(DashboardFigures.none());
            return;
        }
        subscription = fleet.subscribe(Runnable::run, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                DashboardFigures fresh = DashboardFigures.of(update.snapshot());
                tasks.onFxThread(() -> {
                    if (session.fleetProperty().get() == fleet) {
                        show(fresh);
                    }
                });
            }
        });
        show(DashboardFigures.of(fleet.snapshot()));
    }

    private void show(DashboardFigures fresh) {
        figuresAt.set(clock.instant());
        figures.set(fresh);
    }
}
