package org.slapdesk.gui.activity;

import java.time.Clock;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit log of actions taken from the window (supply, remove, request, state changes).
 * FX thread only; {@link ActivityStore} keeps it across runs when one is given.
 */
public final class ActivityLog {

    private final Clock clock;
    private final Supplier<String> currentProfile;
    private final ActivityStore store;
    private final ObservableList<ActivityEntry> entries = FXCollections.observableArrayList();

    public ActivityLog(Clock clock, Supplier<String> currentProfile, ActivityStore store) {
        this.clock = clock;
        this.currentProfile = currentProfile;
        this.store = store;
        entries.setAll(store.load());
    }

    /** Newest first. */
    public ObservableList<ActivityEntry> entries() {
        return entries;
    }

    public void record(String action, String target, String outcome) {
        ActivityEntry entry = new ActivityEntry(clock.instant(), currentProfile.get(), action, target, outcome);
        entries.add(0, entry);
        store.append(entry);
    }
}
