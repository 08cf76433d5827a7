package org.slapdesk.core.master;

import java.net.URI;
import java.util.Optional;

/**
 * One entry of a release's {@code software-type} map: {@code key} is the map key (shown), and
 * {@code softwareType} the value sent to the master (the entry's own {@code software-type} when
 * it has one, else the key).
 */
public record SoftwareTypeEntry(
        String key,
        String title,
        String description,
        String softwareType,
        boolean shared,
        int index,
        Optional<URI> requestSchema,
        boolean jsonInXml) {

    @Override
    public String toString() {
        String label = title == null || title.isBlank() ? key : title;
        return shared ? label + " (shared)" : label;
    }
}
