package org.slapdesk.gui.task;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.gui.notify.NotificationCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the GUI runs slow work (every call to a master or a node): off the FX thread,
 * with progress and cancel, results and errors handed back on the FX thread, and failures
 * turned into notifications that stay until dismissed.
 *
 * <p>Both executors are injected so ViewModel tests run tasks synchronously without a
 * toolkit; the application passes a thread pool and {@code Platform::runLater}.
 */
public final class TaskService {

    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);
    private static final int RECENT_KEPT = 100;

    private final Executor workers;
    private final Executor fxThread;
    private final NotificationCenter notifications;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ObservableList<TaskItem> tasks = FXCollections.observableArrayList();

    public TaskService(
            Executor workers, Executor fxThread, NotificationCenter notifications, Sleeper sleeper, Clock clock) {
        this.workers = workers;
        this.fxThread = fxThread;
        this.notifications = notifications;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    /** Running and recent tasks, newest first (FX thread only). */
    public ObservableList<TaskItem> tasks() {
        return tasks;
    }

    public long runningCount() {
        return tasks.stream().filter(t -> t.state() == TaskState.RUNNING).count();
    }

    /** Runs an update on the FX thread (from a task's work). */
    public void onFxThread(Runnable update) {
        fxThread.execute(update);
    }

    /**
     * A lane of its own on the task threads: what it is given runs one at a time, in order, not
     * listed and not notified (e.g. the filter's matching, where only the newest request counts).
     */
    public Executor serialLane() {
        return new SerialExecutor(workers);
    }

    public <T> Builder<T> task(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    /** Describes a task before it starts: what to do with its result and whether it is listed. */
    public final class Builder<T> {
        private final String title;
        private final Work<T> work;
        private Consumer<T> onSuccess = result -> {};
        private Consumer<Throwable> onFailure = error -> {};
        private Runnable onDone = () -> {};
        private Runnable onCancelled = () -> {};
        private boolean listed = true;
        private boolean notifyFailure = true;

        private Builder(String title, Work<T> work) {
            this.title = title;
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<T> action) {
            this.onSuccess = action;
            return this;
        }

        public Builder<T> onFailure(Consumer<Throwable> action) {
            this.onFailure = action;
            return this;
        }

        public Builder<T> onCancelled(Runnable action) {
            this.onCancelled = action;
            return this;
        }

        /** Runs after success, failure or cancel. */
        public Builder<T> onDone(Runnable action) {
            this.onDone = action;
            return this;
        }

        /** Background refreshes: not shown in the task list, and their failures are handled by the caller. */
        public Builder<T> quiet() {
            this.listed = false;
            this.notifyFailure = false;
            return this;
        }

        /** Starts the task; call on the FX thread. */
        public TaskItem start() {
            TaskItem item = new TaskItem(title, clock.instant());
            if (listed) {
                tasks.add(0, item);
                trimRecent();
            }
            Context context = new Context(item);
            workers.execute(() -> {
                item.runsOn(Thread.currentThread());
                try {
                    execute(item, context);
                } finally {
                    item.runsOn(null);
                    Thread.interrupted();
                }
            });
            return item;
        }

        private void execute(TaskItem item, Context context) {
            T result;
            try {
                context.checkCancelled();
                result = work.run(context);
            } catch (TaskCancelledException | InterruptedException e) {
                finishCancelled(item);
                return;
            } catch (Exception | LinkageError e) {
                if (item.cancelRequested()) {
                    finishCancelled(item);
                    return;
                }
                LOG.debug("task '{}' failed", title, e);
                fxThread.execute(() -> {
                    item.finish(TaskState.FAILED, e, clock.instant());
                    if (notifyFailure) {
                        notifications.error(title + " failed", e);
                    }
                    onFailure.accept(e);
                    onDone.run();
                });
                return;
            }
            if (item.cancelRequested()) {
                finishCancelled(item);
                return;
            }
            fxThread.execute(() -> {
                item.finish(TaskState.SUCCEEDED, null, clock.instant());
                onSuccess.accept(result);
                onDone.run();
            });
        }

        private void finishCancelled(TaskItem item) {
            fxThread.execute(() -> {
                item.finish(TaskState.CANCELLED, null, clock.instant());
                onCancelled.run();
                onDone.run();
            });
        }
    }

    private void trimRecent() {
        for (int i = tasks.size() - 1; i >= 0 && tasks.size() > RECENT_KEPT; i--) {
            if (tasks.get(i).state().finished()) {
                tasks.remove(i);
            }
        }
    }

    private final class Context implements TaskContext {
        private final TaskItem item;

        Context(TaskItem item) {
            this.item = item;
        }

        @Override
        public void progress(double fraction) {
            fxThread.execute(() -> item.setProgress(fraction));
        }

        @Override
        public void message(String text) {
            fxThread.execute(() -> item.setMessage(text));
        }

        @Override
        public boolean isCancelled() {
            return item.cancelRequested() || Thread.currentThread().isInterrupted();
        }

        @Override
        public void sleep(Duration duration) throws TaskCancelledException {
            checkCancelled();
            try {
                sleeper.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskCancelledException();
            }
            checkCancelled();
        }
    }
}
