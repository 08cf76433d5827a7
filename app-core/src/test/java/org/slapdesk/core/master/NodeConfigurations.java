package org.slapdesk.core.master;

import java.util.ArrayList;
import java.util.List;
import org.slapdesk.core.wire.ComputerConfiguration;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;

/** What {@code slapos node format} posts (docs/protocol.md, "What node format posts"), shaped for tests. */
final class NodeConfigurations {

    private NodeConfigurations() {}

    static ComputerConfiguration withPartitions(String reference, int count) {
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            partitions.add(Partition.simple(
                    "slappart" + i,
                    "/srv/slapgrid/slappart" + i,
                    List.of(Address.of("10.0.0." + (i + 2), "255.255.255.255")),
                    "slaptap" + i));
        }
        return ComputerConfiguration.minimal(reference, "10.0.0.1", "255.255.255.0", partitions);
    }
}
