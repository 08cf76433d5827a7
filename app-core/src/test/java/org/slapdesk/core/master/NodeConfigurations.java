package org.slapdesk.core.master;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dict {@code slapos node format} posts (PROTOCOL.md §2.6), shaped for tests. */
final class NodeConfigurations {

    private NodeConfigurations() {}

    static Map<String, Object> withPartitions(String reference, int count) {
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("addr", "10.0.0." + (i + 2));
            address.put("netmask", "255.255.255.0");
            Map<String, Object> tap = new LinkedHashMap<>();
            tap.put("name", "slaptap" + i);
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("reference", "slappart" + i);
            partition.put("address_list", List.of(address));
            partition.put("tap", tap);
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
