package org.slapdesk.core.fleet;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after the master they read, so a thread dump says whose reads hang. */
final class ReadThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    ReadThreads(String masterUrl) {
        this.prefix = "fleet-read " + masterUrl + " #";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
