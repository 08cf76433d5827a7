package org.slapdesk.core.monitor;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read one service's monitor: its base URL (connection parameter {@code monitor-base-url})
 * and the basic-auth user and password the setup URL ({@code monitor-setup-url}) carries. Kept
 * in memory only: Slapdesk never writes these credentials anywhere, and {@link #toString()} does
 * not show the password.
 */
public record MonitorAccess(URI baseUrl, String username, String password) {

    public MonitorAccess {
        Objects.requireNonNull(baseUrl, "baseUrl");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /**
     * The access a service's connection parameters publish, or empty when it has no monitor
     * (no {@code monitor-base-url}, or not an http(s) URL).
     */
    public static Optional<MonitorAccess> from(Map<String, String> connectionParameters) {
        return MonitorSetupUrl.access(connectionParameters);
    }

    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return "MonitorAccess[" + baseUrl + ", user " + username + ", password " + (password.isEmpty() ? "none" : "***")
                + "]";
    }
}
