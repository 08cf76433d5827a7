package org.slapdesk.master;

import java.util.Map;

/**
 * One {@code requestComputerPartition} (or JSON-RPC {@code post.v0.software_instance}), decoded.
 * {@code requesterComputer} and {@code requesterPartition} are set when a partition requests
 * (the new instance then joins the requester's tree); {@code state} null means started.
 */
public record InstanceRequestForm(
        String softwareRelease,
        String title,
        String softwareType,
        Map<String, Object> parameters,
        Map<String, Object> sla,
        String state,
        boolean shared,
        String requesterComputer,
        String requesterPartition) {
    public InstanceRequestForm {
        parameters = parameters == null ? Map.of() : parameters;
        sla = sla == null ? Map.of() : sla;
        softwareType = softwareType == null || softwareType.isBlank() ? "default" : softwareType;
    }
}
