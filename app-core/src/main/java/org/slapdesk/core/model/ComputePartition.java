package org.slapdesk.core.model;

import java.util.Optional;

/** One partition of a node, with the instance it holds when busy. */
public record ComputePartition(
        String reference,
        String computeNodeReference,
        PartitionState state,
        Optional<String> instanceTitle,
        Optional<String> softwareReleaseUrl,
        Optional<RequestedState> requestedState,
        Optional<AccessStatus> status) {}
