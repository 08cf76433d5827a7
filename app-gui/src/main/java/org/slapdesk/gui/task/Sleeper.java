package org.slapdesk.gui.task;

import java.time.Duration;

/** How a task waits between retries; tests pass one that does not really wait. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    /** Returns at once: for tests of retry loops. */
    Sleeper NONE = duration -> {};
}
