package org.slapdesk.core.monitor;

import java.util.Map;
import java.util.Optional;

/** Reads a service's monitor access out of its connection parameters. */
final class MonitorSetupUrl {

    private MonitorSetupUrl() {}

    static Optional<MonitorAccess> access(Map<String, String> connectionParameters) {
        throw new UnsupportedOperationException("in progress");
    }
}
