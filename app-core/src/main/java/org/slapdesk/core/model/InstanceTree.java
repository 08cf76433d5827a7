package org.slapdesk.core.model;

import java.util.Optional;

/** A service: the root instance a user requested, with its tree. */
public record InstanceTree(
        String title,
        String softwareReleaseUrl,
        Optional<String> softwareType,
        Optional<RequestedState> requestedState,
        boolean shared,
        Optional<AccessStatus> status) {}
