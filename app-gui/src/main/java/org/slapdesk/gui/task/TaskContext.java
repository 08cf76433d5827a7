package org.slapdesk.gui.task;

import java.time.Duration;

/** What a running task's work may do: report progress, check for cancel, wait. */
public interface TaskContext {

    /** Progress from 0 to 1, or a negative value for "unknown". */
    void progress(double fraction);

    void message(String text);

    boolean isCancelled();

    /** Throws when the user cancelled; call between steps. */
    default void checkCancelled() throws TaskCancelledException {
        if (isCancelled()) {
            throw new TaskCancelledException();
        }
    }

    /** Waits, but wakes up and throws at once when the task is cancelled. */
    void sleep(Duration duration) throws TaskCancelledException;
}
