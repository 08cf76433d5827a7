package org.slapdesk.gui.services;

import org.slapdesk.core.model.RequestedState;

/** The word the page uses for asking a service into a state (buttons, confirmations, the audit log). */
final class StateVerbs {

    private StateVerbs() {}

    static String verb(RequestedState state) {
        return switch (state) {
            case STARTED -> "Start";
            case STOPPED -> "Stop";
            case DESTROYED -> "Destroy";
        };
    }

    /** What happens next, for the notice after the master accepted the change. */
    static String next(RequestedState state) {
        return switch (state) {
            case STARTED -> "The node starts it on its next run.";
            case STOPPED -> "The node stops it on its next run.";
            case DESTROYED -> "The node removes it on its next run.";
        };
    }
}
