package org.slapdesk.master;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.Tuple;
import org.slapdesk.master.store.NodeContents;
import org.slapdesk.master.store.ParameterColumns;
import org.slapdesk.master.store.Rows.Address;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Status;
import org.slapdesk.master.store.Store;

/**
 * The documents the master answers with, built from the store: the slap objects of §2.5
 * (Computer, ComputerPartition, SoftwareRelease, SoftwareInstance) and the JSON-RPC instance
 * document of §3.2.
 */
final class Documents {

    private final AccessStatuses statuses;

    Documents(AccessStatuses statuses) {
        this.statuses = statuses;
    }

    /** A supplied release, with the node's last report on its installation when there is one. */
    SlapObject softwareRelease(Installation i, Optional<Status> installationStatus) {
        Map<String, Object> state = new LinkedHashMap<>();
        installationStatus.ifPresent(status -> state.put("_access_status", status.text()));
        state.put("_computer_guid", i.computerReference());
        state.put("_requested_state", i.requestedState());
        state.put("_software_instance_list", new ArrayList<>());
        state.put("_software_release", i.url());
        return new SlapObject("SoftwareRelease", List.of(i.url(), i.computerReference()), state);
    }

    /** The node's full information, with its access status so a client needs no second call. */
    SlapObject computer(String computer, String accessStatus, List<Object> partitions, List<Object> releases) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_access_status", accessStatus);
        state.put("_computer_id", computer);
        state.put("_computer_partition_list", partitions);
        state.put("_software_release_list", releases);
        return new SlapObject("Computer", List.of(computer), state);
    }

    /** What one partition's document is built from; {@code instance} is null on a free partition. */
    record PartitionContents(
            String computer,
            String partition,
            Instance instance,
            String accessStatus,
            List<Address> addresses,
            List<Instance> shared) {}

    /** One partition's contents, read from the store. */
    PartitionContents partitionContents(Store store, String computer, String partition) throws SQLException {
        Optional<Instance> found = store.instanceOnPartition(computer, partition);
        if (found.isEmpty()) {
            return new PartitionContents(computer, partition, null, null, List.of(), List.of());
        }
        Instance i = found.get();
        return new PartitionContents(
                computer,
                partition,
                i,
                statuses.text(store, "instance", i.guid()),
                store.addresses(computer, partition),
                store.sharedOnHost(i.id()));
    }

    /** One partition's contents, taken from a node read at once. */
    PartitionContents partitionContents(NodeContents node, String partition) {
        String computer = node.node().reference();
        Instance i = node.instanceByPartition().get(partition);
        if (i == null) {
            return new PartitionContents(computer, partition, null, null, List.of(), List.of());
        }
        String text = Optional.ofNullable(node.instanceStatus().get(i.guid()))
                .map(Status::text)
                .orElse(AccessTexts.noData(i.guid()));
        return new PartitionContents(computer, partition, i, text, node.addresses(partition), node.sharedOn(i.id()));
    }

    /** A partition as the node reads it: free ({@code destroyed}, nothing to do) or busy with its instance. */
    SlapObject partition(PartitionContents contents) {
        String computer = contents.computer();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_computer_id", computer);
        state.put("_partition_id", contents.partition());
        state.put("_request_dict", null);
        if (contents.instance() == null) {
            state.put("_need_modification", 0L);
            state.put("_requested_state", "destroyed");
            state.put("_software_release_document", null);
        } else {
            Instance i = contents.instance();
            state.put("_access_status", contents.accessStatus());
            state.put("_connection_dict", ParameterColumns.read(i.connectionXml()));
            state.put("_filter_dict", ParameterColumns.read(i.slaXml()));
            state.put("_instance_guid", i.guid());
            state.put("_need_modification", 1L);
            Map<String, Object> parameters = new LinkedHashMap<>(ParameterColumns.read(i.parameterXml()));
            parameters.putAll(extraParameters(i, contents.addresses(), contents.shared()));
            parameters.put("timestamp", String.valueOf(i.timestamp()));
            state.put("_parameter_dict", parameters);
            state.put("_requested_state", i.requestedState());
            Map<String, Object> release = new LinkedHashMap<>();
            release.put("_computer_guid", computer);
            release.put("_software_instance_list", new ArrayList<>());
            release.put("_software_release", i.softwareRelease());
            state.put(
                    "_software_release_document",
                    new SlapObject("SoftwareRelease", List.of(i.softwareRelease(), computer), release));
        }
        return new SlapObject("ComputerPartition", Arrays.asList(computer, contents.partition(), null), state);
    }

    /** The keys the master adds to an instance's parameters (§2.5), from full_ip_list to slave_instance_list. */
    private static Map<String, Object> extraParameters(Instance i, List<Address> addresses, List<Instance> hosted) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("full_ip_list", new ArrayList<>());
        extra.put("instance_title", i.title());
        extra.put("ip_list", ipList(i, addresses));
        extra.put("root_instance_short_title", i.rootTitle());
        extra.put("root_instance_title", i.rootTitle());
        extra.put("slap_computer_id", i.computerReference());
        extra.put("slap_computer_partition_id", i.partitionReference());
        extra.put("slap_software_release_url", i.softwareRelease());
        extra.put("slap_software_type", i.softwareType());
        List<Object> shared = new ArrayList<>();
        if (!i.shared()) {
            for (Instance s : hosted) {
                Map<String, Object> entry = new LinkedHashMap<>(ParameterColumns.read(s.parameterXml()));
                entry.put("slave_title", s.title());
                entry.put("slap_software_type", s.softwareType());
                entry.put("slave_reference", s.guid());
                entry.put("timestamp", String.valueOf(s.timestamp()));
                shared.add(entry);
            }
        }
        extra.put("slave_instance_list", shared);
        return extra;
    }

    /** (interface, address) tuples of the instance's partition. */
    List<Object> ipList(Store store, Instance i) throws SQLException {
        return ipList(i, placed(i) ? store.addresses(i.computerReference(), i.partitionReference()) : List.of());
    }

    private static List<Object> ipList(Instance i, List<Address> addresses) {
        List<Object> ips = new ArrayList<>();
        if (placed(i)) {
            for (Address a : addresses) {
                ips.add(Tuple.of(a.interfaceName(), a.address()));
            }
        }
        return ips;
    }

    private static boolean placed(Instance i) {
        return !i.shared() && i.computerReference() != null && i.partitionReference() != null;
    }

    /** The {@code SoftwareInstance} state a request is answered with (§2.5). */
    Map<String, Object> requestAnswer(Store store, Instance i) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_access_status", statuses.text(store, "instance", i.guid()));
        d.put("_connection_dict", ParameterColumns.read(i.connectionXml()));
        d.put("_filter_dict", ParameterColumns.read(i.slaXml()));
        d.put("_instance_guid", i.guid());
        d.put("_parameter_dict", ParameterColumns.read(i.parameterXml()));
        d.put("_requested_state", i.requestedState());
        Instance placement = i;
        if (i.shared() && i.hostInstanceId() != null) {
            placement = store.instance(i.hostInstanceId()).orElse(i);
        }
        Map<String, Object> extra = extraParameters(
                placement,
                placed(placement)
                        ? store.addresses(placement.computerReference(), placement.partitionReference())
                        : List.of(),
                placement.shared() ? List.of() : store.sharedOnHost(placement.id()));
        extra.put("instance_title", i.title());
        extra.put("root_instance_short_title", i.rootTitle());
        extra.put("root_instance_title", i.rootTitle());
        if (i.shared()) {
            extra.put("slave_instance_list", new ArrayList<>());
        }
        d.putAll(extra);
        d.put("timestamp", i.timestamp());
        return d;
    }

    /** JSON-RPC's instance document (§3.2). */
    Map<String, Object> json(Store store, Instance i) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", i.title());
        d.put("instance_guid", i.guid());
        d.put("software_release_uri", i.softwareRelease());
        d.put("software_type", i.softwareType());
        d.put("state", i.requestedState());
        d.put("connection_parameters", ParameterColumns.read(i.connectionXml()));
        d.put("parameters", ParameterColumns.read(i.parameterXml()));
        d.put("shared", i.shared());
        d.put("root_instance_title", i.rootTitle());
        List<Object> ips = new ArrayList<>();
        for (Object t : ipList(store, i)) {
            ips.add(((Tuple) t).items());
        }
        d.put("ip_list", ips);
        d.put("full_ip_list", new ArrayList<>());
        d.put("sla_parameters", ParameterColumns.read(i.slaXml()));
        d.put("computer_guid", i.computerReference() == null ? "" : i.computerReference());
        d.put("compute_partition_id", i.partitionReference() == null ? "" : i.partitionReference());
        d.put("processing_timestamp", i.timestamp());
        d.put(
                "access_status_message",
                store.status("instance", i.guid()).map(Status::text).orElse(""));
        return d;
    }
}
