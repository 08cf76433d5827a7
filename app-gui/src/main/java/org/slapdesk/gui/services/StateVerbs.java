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
}
