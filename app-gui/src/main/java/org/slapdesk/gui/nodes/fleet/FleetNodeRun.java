package org.slapdesk.gui.nodes.fleet;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.gui.task.TaskItem;

/** One node's row of a fleet run: queued, running, then ok, FAILED or cancelled, with the reason, the time and the output. FX thread. */
public final class FleetNodeRun {

    /** Where the node is in the run. */
    public enum State {
        QUEUED,
        RUNNING,
        OK,
        FAILED,
        CANCELLED;

        public boolean finished() {
            return this == OK || this == FAILED || this == CANCELLED;
        }

        @Override
        public String toString() {
            return switch (this) {
                case QUEUED -> "queued";
                case RUNNING -> "running";
                case OK -> "ok";
                case FAILED -> "FAILED";
                case CANCELLED -> "cancelled";
            };
        }
    }

    private static final int OUTPUT_KEPT = 5000;

    private final FleetNode node;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.QUEUED);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<Duration> duration = new SimpleObjectProperty<>();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final CancellationToken applyCancel = new CancellationToken();
    private Instant startedAt;
    private TaskItem task;
    private boolean cancelRequested;
    private volatile boolean applying;

    FleetNodeRun(FleetNode node) {
        this.node = node;
    }

    public FleetNode node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /** Why it failed or was cancelled, or what it found; empty while it runs. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason;
    }

    /** From its start to its end; null until it ends. */
    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration;
    }

    public ObservableList<String> output() {
        return output;
    }

    CancellationToken applyCancel() {
        return applyCancel;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void running(Instant at) {
        startedAt = at;
        state.set(State.RUNNING);
    }

    void task(TaskItem running) {
        task = running;
    }

    /** Set by the worker when the plan's apply starts: from then on a cancel must let it undo what it did. */
    void applying() {
        applying = true;
    }

    /** Asks it to stop: a queued node never starts; a running read stops now, a running apply undoes what it did. */
    void requestCancel() {
        cancelRequested = true;
        applyCancel.cancel();
        if (task != null && !applying) {
            task.cancel();
        }
    }

    void finish(State end, String why, Instant at) {
        reason.set(why);
        if (startedAt != null) {
            duration.set(Duration.between(startedAt, at));
        }
        state.set(end);
    }

    void line(String text) {
        output.add(text);
        if (output.size() > OUTPUT_KEPT) {
            output.remove(0, output.size() - OUTPUT_KEPT);
        }
    }
}
