package org.slapdesk.gui.task;

/** The body of a background task; runs on a worker thread, never on the FX thread. */
@FunctionalInterface
public interface Work<T> {
    T run(TaskContext context) throws Exception;
}
