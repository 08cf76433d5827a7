package org.slapdesk.core.model;

import java.util.Optional;

/** A software release supplied to a node: requested {@code available} or {@code destroyed}. */
public record SoftwareInstallation(
        String softwareReleaseUrl, String computeNodeReference, String requestedState, Optional<AccessStatus> status) {}
