package org.slapdesk.master.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.master.store.Rows.Address;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Node;
import org.slapdesk.master.store.Rows.Partition;
import org.slapdesk.master.store.Rows.Status;

/**
 * Everything a node's full information shows, read by {@link Store#nodeContents} in a fixed
 * number of statements whatever the number of partitions and instances.
 *
 * @param instanceByPartition the partition's own (not shared) instance, by partition reference
 * @param sharedByHost the shared instances each host instance carries, by host id, in id order
 * @param addressesByPartition each partition's addresses, in the order they were formatted
 * @param instanceStatus the access status of the node's instances, by guid
 * @param installationStatus the access status of the node's installations, by "computer url" key
 */
public record NodeContents(
        Node node,
        Optional<Status> nodeStatus,
        List<Installation> installations,
        List<Partition> partitions,
        Map<String, Instance> instanceByPartition,
        Map<Long, List<Instance>> sharedByHost,
        Map<String, List<Address>> addressesByPartition,
        Map<String, Status> instanceStatus,
        Map<String, Status> installationStatus) {

    public List<Address> addresses(String partition) {
        return addressesByPartition.getOrDefault(partition, List.of());
    }

    public List<Instance> sharedOn(long hostId) {
        return sharedByHost.getOrDefault(hostId, List.of());
    }
}
