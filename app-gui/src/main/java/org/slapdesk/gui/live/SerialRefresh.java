package org.slapdesk.gui.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.slapdesk.core.master.Master;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskContext;
import org.slapdesk.gui.task.TaskService;

/**
 * A page's read of the master, one at a time: it runs as a quiet background task; a refresh asked
 * for while one runs is folded into one more run after it. Success is applied on the FX thread
 * and marks the session refreshed; a failure is notified once per change of the connection state.
 * Called on the FX thread.
 */
public final class SerialRefresh<T> {

    /** Reads what the page shows; runs on a worker thread. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Master master, TaskContext context) throws Exception;
    }

    private final MasterSession session;
    private final TaskService tasks;
    private final String title;
    private final String failureTitle;
    private final Read<T> read;
    private final Consumer<T> apply;
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final List<Runnable> afterRefresh = new ArrayList<>();
    private boolean refreshAgain;

    public SerialRefresh(
            MasterSession session,
            TaskService tasks,
            String title,
            String failureTitle,
            Read<T> read,
            Consumer<T> apply) {
        this.session = session;
        this.tasks = tasks;
        this.title = title;
        this.failureTitle = failureTitle;
        this.read = read;
        this.apply = apply;
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing;
    }

    /** Runs after every refresh, whether it succeeded or not. */
    public void afterRefresh(Runnable action) {
        afterRefresh.add(action);
    }

    public void refresh() {
        Optional<Master> master = session.master();
        if (master.isEmpty()) {
            return;
        }
        if (refreshing.get()) {
            refreshAgain = true;
            return;
        }
        refreshing.set(true);
        tasks.task(title, context -> read.run(master.get(), context))
                .quiet()
                .onSuccess(result -> {
                    apply.accept(result);
                    session.refreshed();
                })
                .onFailure(error -> {
                    if (session.refreshFailed(error)) {
                        tasks.notifications().error(failureTitle, error);
                    }
                })
                .onDone(() -> {
                    refreshing.set(false);
                    afterRefresh.forEach(Runnable::run);
                    if (refreshAgain) {
                        refreshAgain = false;
                        refresh();
                    }
                })
                .start();
    }
}
