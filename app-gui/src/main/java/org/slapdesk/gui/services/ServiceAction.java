package org.slapdesk.gui.services;

import java.util.EnumSet;
import java.util.Set;

/** What the Services page offers on a service, which depends on the state it was last asked into. */
public enum ServiceAction {
    START,
    STOP,
    PARAMETERS,
    DESTROY;

    /**
     * A destroyed service offers nothing (asking it into another state would bring it back);
     * a stopped one can be started, a started one stopped. An unknown state offers every action.
     */
    public static Set<ServiceAction> offeredFor(String requestedState) {
        if (requestedState == null) {
            return EnumSet.noneOf(ServiceAction.class);
        }
        return switch (requestedState) {
            case "destroyed" -> EnumSet.noneOf(ServiceAction.class);
            case "stopped" -> EnumSet.of(START, PARAMETERS, DESTROY);
            case "started" -> EnumSet.of(STOP, PARAMETERS, DESTROY);
            default -> EnumSet.allOf(ServiceAction.class);
        };
    }
}
