package org.slapdesk.gui.task;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work given to it one at a time, in the order given, on the threads of another
 * executor: a lane of its own without a thread of its own (on a direct executor, as in the
 * ViewModel tests, the work runs at once on the caller's thread).
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor threads;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    SerialExecutor(Executor threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable work) {
        synchronized (queue) {
            queue.add(work);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            threads.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the threads are shut down (the window closes): nothing queued will run
            synchronized (queue) {
                queue.clear();
                draining = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("work on a serial lane failed", e);
            }
        }
    }
}
