package org.slapdesk.gui.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dict {@code slapos node format} posts for a node (docs/protocol.md,
 * "What node format posts"), for tests that need a node with partitions.
 */
final class NodeFormat {

    private NodeFormat() {}

    static Map<String, Object> withPartitions(String reference, int count) {
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("addr", "10.0.0." + (i + 2));
            address.put("netmask", "255.255.255.0");
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("reference", "slappart" + i);
            partition.put("address_list", List.of(address));
            partition.put("tap", Map.of("name", "slaptap" + i));
            partitions.add(partition);
        }
        Map<String, Object> computer = new LinkedHashMap<>();
        computer.put("reference", reference);
        computer.put("address", "10.0.0.1");
        computer.put("netmask", "255.255.255.0");
        computer.put("partition_list", partitions);
        return computer;
    }
}
