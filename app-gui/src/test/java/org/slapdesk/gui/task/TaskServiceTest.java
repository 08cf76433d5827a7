package org.slapdesk.gui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.notify.NotificationCenter;

class TaskServiceTest {

    private final NotificationCenter notifications = new NotificationCenter(Clock.systemUTC());
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    /** Stands in for the FX thread: updates queue up and the test runs them. */
    private final BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();

    private final TaskService tasks =
            new TaskService(workers, fxQueue::add, notifications, Sleeper.REAL, Clock.systemUTC());

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private void drainUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            Runnable update = fxQueue.poll(100, TimeUnit.MILLISECONDS);
            if (update != null) {
                update.run();
            }
            assertThat(System.nanoTime()).as("task finished in time").isLessThan(deadline);
        }
    }

    @Test
    void workRunsOffTheCallingThreadAndTheResultComesBackThroughTheFxExecutor() throws Exception {
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        TaskItem item = tasks.task("Read", context -> {
                    workThread.set(Thread.currentThread().getName());
                    context.progress(0.5);
                    context.message("half way");
                    return "done";
                })
                .onSuccess(result::set)
                .start();

        drainUntil(() -> item.state().finished());

        assertThat(workThread.get()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(result.get()).isEqualTo("done");
        assertThat(item.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(item.messageProperty().get()).isEqualTo("half way");
        assertThat(item.progressProperty().get()).isEqualTo(1.0);
        assertThat(tasks.tasks()).containsExactly(item);
    }

    @Test
    void aFailureBecomesANotificationThatStaysAndIsKeptInTheHistory() throws Exception {
        TaskItem item = tasks.task("Supply kvm", context -> {
                    throw new MasterException.Unreachable(
                            "http://127.0.0.1:1", "the master at http://127.0.0.1:1 refused the connection", null);
                })
                .start();

        drainUntil(() -> item.state().finished());

        assertThat(item.state()).isEqualTo(TaskState.FAILED);
        assertThat(notifications.active()).hasSize(1);
        Notification n = notifications.active().get(0);
        assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(n.title()).isEqualTo("Supply kvm failed");
        assertThat(n.message()).isEqualTo("the master at http://127.0.0.1:1 refused the connection");
        assertThat(n.details()).contains("Endpoint: http://127.0.0.1:1").contains("MasterException$Unreachable");

        notifications.dismiss(n);
        assertThat(notifications.active()).isEmpty();
        assertThat(notifications.history()).containsExactly(n);
    }

    @Test
    void cancelInterruptsAWaitingTaskAndRaisesNoNotification() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        TaskItem item = tasks.task("Wait for a partition", context -> {
                    waiting.countDown();
                    context.sleep(Duration.ofMinutes(5));
                    return "never";
                })
                .start();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        item.cancel();
        drainUntil(() -> item.state().finished());

        assertThat(item.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(notifications.history()).isEmpty();
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsWork() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            TaskService oneAtATime =
                    new TaskService(single, fxQueue::add, notifications, Sleeper.REAL, Clock.systemUTC());
            CountDownLatch release = new CountDownLatch(1);
            TaskItem blocker = oneAtATime
                    .task("Blocker", context -> release.await(10, TimeUnit.SECONDS))
                    .start();
            AtomicReference<Boolean> ran = new AtomicReference<>(false);
            TaskItem queued =
                    oneAtATime.task("Queued", context -> ran.getAndSet(true)).start();
            queued.cancel();
            release.countDown();
            drainUntil(() -> blocker.state().finished() && queued.state().finished());
            assertThat(queued.state()).isEqualTo(TaskState.CANCELLED);
            assertThat(ran.get()).isFalse();
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void quietTasksAreNotListedAndLeaveFailuresToTheirCaller() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        TaskItem item = tasks.task("Refresh", context -> {
                    throw new IllegalStateException("boom");
                })
                .quiet()
                .onFailure(seen::set)
                .start();

        drainUntil(() -> item.state().finished());

        assertThat(tasks.tasks()).isEmpty();
        assertThat(notifications.history()).isEmpty();
        assertThat(seen.get()).hasMessage("boom");
        assertThat(List.of(item.state())).containsExactly(TaskState.FAILED);
    }
}
