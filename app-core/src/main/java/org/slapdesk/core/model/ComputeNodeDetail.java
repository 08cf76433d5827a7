package org.slapdesk.core.model;

import java.util.List;

/** A node with its partitions and the software supplied to it. */
public record ComputeNodeDetail(
        ComputeNode node, List<ComputePartition> partitions, List<SoftwareInstallation> software) {
    public ComputeNodeDetail {
        partitions = List.copyOf(partitions);
        software = List.copyOf(software);
    }
}
