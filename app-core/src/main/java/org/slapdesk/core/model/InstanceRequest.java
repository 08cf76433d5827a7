package org.slapdesk.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * What {@code slapos request} sends: title, release, type, parameters (sent as
 * {@code {'_': json}} when {@code jsonInXml}), SLA (e.g. {@code computer_guid}), shared, state.
 */
public record InstanceRequest(
        String title,
        String softwareReleaseUrl,
        String softwareType,
        Map<String, Object> parameters,
        boolean jsonInXml,
        Map<String, String> sla,
        boolean shared,
        RequestedState state) {

    public InstanceRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(softwareReleaseUrl, "softwareReleaseUrl");
        if (title.isBlank()) {
            throw new IllegalArgumentException("the service title is empty: give the instance a name");
        }
        if (softwareReleaseUrl.isBlank()) {
            throw new IllegalArgumentException("the software release URL is empty: choose a release");
        }
        softwareType = softwareType == null || softwareType.isBlank() ? "default" : softwareType;
        parameters = Map.copyOf(parameters);
        sla = Map.copyOf(sla);
        state = state == null ? RequestedState.STARTED : state;
    }
}
