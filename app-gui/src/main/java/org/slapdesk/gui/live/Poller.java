package org.slapdesk.gui.live;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ticks at the configured interval and asks for a refresh on the FX thread. The refreshes
 * themselves run as background tasks and merge only what changed; a tick while the previous
 * refresh still runs is folded into one more refresh by the ViewModels.
 */
public final class Poller implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slapdesk-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final Executor fxThread;
    private final Runnable refresh;
    private ScheduledFuture<?> scheduled;

    public Poller(Executor fxThread, Runnable refresh) {
        this.fxThread = fxThread;
        this.refresh = refresh;
    }

    /** (Re)starts ticking; a zero or negative interval stops it. */
    public synchronized void every(Duration interval) {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        long millis = interval.toMillis();
        scheduled =
                timer.scheduleWithFixedDelay(() -> fxThread.execute(refresh), millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
    }
}
