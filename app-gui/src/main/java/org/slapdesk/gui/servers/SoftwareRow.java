package org.slapdesk.gui.servers;

import org.slapdesk.core.health.Health;

/** A release supplied to the selected server. */
public record SoftwareRow(String url, String state, Health health) {

    /** What the node last reported on the installation, with the master's message when it failed. */
    public String installation() {
        return health.reason();
    }
}
