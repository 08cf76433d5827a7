package org.slapdesk.remote.ssh;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread (a Cancel button) stop a running command. */
public final class CancelToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
