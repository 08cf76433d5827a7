package org.slapdesk.core.master;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a user cancel a waiting operation (e.g. the Cancel button of a task) from another thread. */
public final class CancellationToken {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits up to {@code duration}; returns early, true, when cancelled. */
    boolean awaitCancellation(Duration duration) throws InterruptedException {
        return cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
