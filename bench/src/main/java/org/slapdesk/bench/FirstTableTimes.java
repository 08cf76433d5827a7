package org.slapdesk.bench;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.gui.page.ListPageModel;

/**
 * Where the time to the window's first full table goes: the fleet state's read up to its update
 * reaching the window's listeners (the pages prepare their rows off the FX thread in those), then
 * the FX thread putting the rows into the list, then the first pulse that lays the table out.
 */
final class FirstTableTimes {

    private final long opened = System.nanoTime();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong laidOut = new AtomicLong();

    /** Call on the FX thread before the profile is opened. */
    void follow(ObservableValue<FleetState> fleet, ListPageModel<?, ?> list, int rows) {
        fleet.addListener((o, was, now) -> {
            if (now != null) {
                now.subscribe(Runnable::run, new FleetListener() {
                    @Override
                    public void onUpdate(FleetUpdate update) {
                        if (!update.snapshot().nodes().isEmpty()) {
                            delivered.compareAndSet(0, System.nanoTime());
                        }
                    }
                });
            }
        });
        list.onApplied(() -> {
            if (list.rows().size() == rows && applied.compareAndSet(0, System.nanoTime())) {
                // runs after the pulse that follows: the table laid out with its rows
                Platform.runLater(() -> Platform.runLater(() -> laidOut.compareAndSet(0, System.nanoTime())));
            }
        });
    }

    /** True once the pulses after the full list have run (the breakdown's last figure is known). */
    boolean laidOut() {
        return laidOut.get() != 0;
    }

    double firstTable() {
        return (applied.get() - opened) / 1e9;
    }

    String breakdown() {
        return String.format(
                Locale.ROOT,
                "first table: %.2f s to the fleet's update reaching the window's listeners (the pages'"
                        + " off-FX preparation included), %.3f s more until the rows were in the list,"
                        + " %.3f s more to the next pulses",
                (delivered.get() - opened) / 1e9,
                (applied.get() - delivered.get()) / 1e9,
                (laidOut.get() - applied.get()) / 1e9);
    }
}
