package org.slapdesk.gui.interop;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;

/**
 * The dict {@code slapos node format} posts for a node (docs/protocol.md,
 * "What node format posts"), for tests that need a node with partitions.
 */
final class NodeFormat {

    private NodeFormat() {}

    /** Posts {@code computer} to the master at {@code masterUrl}, as {@code slapos node format} does. */
    static void post(String masterUrl, Map<String, Object> computer) throws MasterException {
        try (MasterHttp http = MasterHttp.open(MasterProfile.plain("node", masterUrl), ClientOptions.defaults())) {
            new SlapEndpoint(http, URI.create(masterUrl)).loadComputerConfigurationFromXml(computer);
        }
    }

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
