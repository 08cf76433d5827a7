package org.slapdesk.remote.action.slapos;

/** Supervisor's process states (PROTOCOL §6.4), UNKNOWN for anything else. */
public enum ProcessState {
    STOPPED,
    STARTING,
    RUNNING,
    BACKOFF,
    STOPPING,
    EXITED,
    FATAL,
    UNKNOWN;

    public static ProcessState parse(String text) {
        for (ProcessState s : values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** RUNNING or on its way to it. */
    public boolean isUp() {
        return this == RUNNING || this == STARTING;
    }
}
