package org.slapdesk.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One instance (shared or not) with its parameters and where it runs. */
public record SoftwareInstance(
        String title,
        Optional<String> instanceGuid,
        String softwareReleaseUrl,
        String softwareType,
        RequestedState requestedState,
        boolean shared,
        Map<String, String> parameters,
        Map<String, String> connectionParameters,
        Optional<String> computeNodeReference,
        Optional<String> partitionReference,
        List<String> ipList,
        Optional<AccessStatus> status) {
    public SoftwareInstance {
        parameters = Map.copyOf(parameters);
        connectionParameters = Map.copyOf(connectionParameters);
        ipList = List.copyOf(ipList);
    }
}
