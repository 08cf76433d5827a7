package org.slapdesk.gui.task;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One background task as the user sees it: title, message, progress, state. The properties
 * change on the FX thread only; {@link #cancel()} may be called from anywhere.
 */
public final class TaskItem {

    private final String title;
    private final Instant startedAt;
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<TaskState> state = new SimpleObjectProperty<>(TaskState.RUNNING);
    private final ObjectProperty<Instant> finishedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private Thread worker;

    TaskItem(String title, Instant startedAt) {
        this.title = title;
        this.startedAt = startedAt;
    }

    public String title() {
        return title;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state;
    }

    public TaskState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<Instant> finishedAtProperty() {
        return finishedAt;
    }

    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error;
    }

    /** Asks the task to stop; its work sees it at its next check or wait. */
    public void cancel() {
        cancelRequested.set(true);
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    synchronized void runsOn(Thread thread) {
        worker = thread;
    }

    void setMessage(String text) {
        message.set(text);
    }

    void setProgress(double fraction) {
        progress.set(fraction);
    }

    void finish(TaskState finalState, Throwable failure, Instant at) {
        error.set(failure);
        finishedAt.set(at);
        if (finalState == TaskState.SUCCEEDED) {
            progress.set(1);
        }
        state.set(finalState);
    }
}
