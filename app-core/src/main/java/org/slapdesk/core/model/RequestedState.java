package org.slapdesk.core.model;

import java.util.Locale;

/** The state a user asks an instance to be in. */
public enum RequestedState {
    STARTED,
    STOPPED,
    DESTROYED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestedState fromWire(String value) {
        if (value == null || value.isBlank() || "None".equals(value)) {
            return STARTED;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "started":
            case "start_requested":
                return STARTED;
            case "stopped":
            case "stop_requested":
                return STOPPED;
            case "destroyed":
            case "destroy_requested":
                return DESTROYED;
            default:
                throw new IllegalArgumentException("unknown state '" + value + "': use started, stopped or destroyed");
        }
    }
}
