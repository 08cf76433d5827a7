package org.slapdesk.gui.task;

/** Thrown inside a task's work when the user cancelled it. */
public final class TaskCancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException() {
        super("cancelled by the user");
    }
}
