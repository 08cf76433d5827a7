package org.slapdesk.core.model;

import java.util.Optional;

/** A server registered with the master, as the master lists it. */
public record ComputeNode(String reference, String title, Optional<AccessStatus> status) {
    public ComputeNode {
        status = status == null ? Optional.empty() : status;
        title = title == null || title.isBlank() ? reference : title;
    }
}
