package org.slapdesk.gui.activity;

import java.time.Clock;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.store.AuditEntry;

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

    public void succeeded(String action, String target, String detail) {
        record(action, target, AuditEntry.Outcome.SUCCESS, detail);
    }

    public void failed(String action, String target, Throwable error) {
        record(action, target, AuditEntry.Outcome.FAILURE, String.valueOf(error.getMessage()));
    }

    public void cancelled(String action, String target) {
        record(action, target, AuditEntry.Outcome.CANCELLED, "");
    }

    private void record(String action, String target, AuditEntry.Outcome outcome, String detail) {
        String profile = currentProfile.get();
        ActivityEntry entry = new ActivityEntry(
                clock.instant(),
                profile == null || profile.isBlank() ? "none" : profile,
                action,
                target,
                outcome,
                detail);
        entries.add(0, entry);
        store.append(entry);
    }
}
