package org.slapdesk.master.store;

import java.util.List;

/** The rows of the master's tables, as the store reads them. */
public final class Rows {

    private Rows() {}

    public record Node(String reference, String title, String address, String netmask, long createdAt) {}

    public record Partition(String computerReference, String reference, String slapState, int position) {
        public boolean free() {
            return "free".equals(slapState);
        }
    }

    /** An access token's row: only the SHA-256 of the token is ever stored. */
    public record Token(
            String hash, String kind, String label, long createdAt, long expiresAt, Long usedAt, String usedBy) {}

    public record Address(String interfaceName, String address, String netmask) {}

    /** An address with the partition it belongs to, as a node-wide read returns it. */
    record PartitionAddress(String partition, Address address) {}

    public record Installation(String computerReference, String url, String requestedState, String reportedState) {}

    public record Instance(
            long id,
            String title,
            String requestedBy,
            String softwareRelease,
            String softwareType,
            String parameterXml,
            String connectionXml,
            String slaXml,
            boolean shared,
            String requestedState,
            String reportedState,
            String computerReference,
            String partitionReference,
            Long hostInstanceId,
            long timestamp,
            long createdAt) {

        /** The title of the tree's root: what instances requested from a partition are keyed by. */
        public String rootTitle() {
            return requestedBy.isEmpty() ? title : requestedBy;
        }

        public boolean root() {
            return requestedBy.isEmpty();
        }

        public String guid() {
            return "SOFTINST-" + id;
        }

        public boolean allocated() {
            return shared ? hostInstanceId != null : partitionReference != null;
        }

        public Instance withTimestamp(long newTimestamp) {
            return new Instance(
                    id,
                    title,
                    requestedBy,
                    softwareRelease,
                    softwareType,
                    parameterXml,
                    connectionXml,
                    slaXml,
                    shared,
                    requestedState,
                    reportedState,
                    computerReference,
                    partitionReference,
                    hostInstanceId,
                    newTimestamp,
                    createdAt);
        }

        public Instance withState(String state, long newTimestamp) {
            return new Instance(
                    id,
                    title,
                    requestedBy,
                    softwareRelease,
                    softwareType,
                    parameterXml,
                    connectionXml,
                    slaXml,
                    shared,
                    state,
                    reportedState,
                    computerReference,
                    partitionReference,
                    hostInstanceId,
                    newTimestamp,
                    createdAt);
        }

        public Instance withReported(String reported) {
            return new Instance(
                    id,
                    title,
                    requestedBy,
                    softwareRelease,
                    softwareType,
                    parameterXml,
                    connectionXml,
                    slaXml,
                    shared,
                    requestedState,
                    reported,
                    computerReference,
                    partitionReference,
                    hostInstanceId,
                    timestamp,
                    createdAt);
        }

        public Instance withConnection(String xml) {
            return new Instance(
                    id,
                    title,
                    requestedBy,
                    softwareRelease,
                    softwareType,
                    parameterXml,
                    xml,
                    slaXml,
                    shared,
                    requestedState,
                    reportedState,
                    computerReference,
                    partitionReference,
                    hostInstanceId,
                    timestamp,
                    createdAt);
        }

        public Instance renamed(String newTitle, String newRequestedBy, long newTimestamp) {
            return new Instance(
                    id,
                    newTitle,
                    newRequestedBy,
                    softwareRelease,
                    softwareType,
                    parameterXml,
                    connectionXml,
                    slaXml,
                    shared,
                    requestedState,
                    reportedState,
                    computerReference,
                    partitionReference,
                    hostInstanceId,
                    newTimestamp,
                    createdAt);
        }

        /** What the request asks now (release, type, parameters, SLA, state). */
        public Instance requested(
                String release, String type, String parameters, String sla, String state, long newTimestamp) {
            return new Instance(
                    id,
                    title,
                    requestedBy,
                    release,
                    type,
                    parameters,
                    connectionXml,
                    sla,
                    shared,
                    state,
                    reportedState,
                    computerReference,
                    partitionReference,
                    hostInstanceId,
                    newTimestamp,
                    createdAt);
        }

        /** Placed on a partition (host null) or, for a shared instance, on the host's partition. */
        public Instance placedOn(String computer, String partition, Long host, long newTimestamp) {
            return new Instance(
                    id,
                    title,
                    requestedBy,
                    softwareRelease,
                    softwareType,
                    parameterXml,
                    connectionXml,
                    slaXml,
                    shared,
                    requestedState,
                    reportedState,
                    computer,
                    partition,
                    host,
                    newTimestamp,
                    createdAt);
        }
    }

    public record Status(String kind, String reference, String text, long createdAt, long since) {}

    /** A node and its access status (null when it never had one), as the fleet-wide read returns it. */
    public record NodeStatus(Node node, Status status) {}

    /**
     * A partition as the fleet-wide read returns it: its node, whether it is busy, and the
     * instance on it (title, the tree's root title, release, requested state, status text);
     * the instance fields are null on a free partition.
     */
    public record PartitionRow(
            String computerReference,
            String reference,
            String instanceTitle,
            String rootTitle,
            String softwareRelease,
            String requestedState,
            long instanceId,
            String statusText) {
        public boolean busy() {
            return instanceTitle != null;
        }
    }

    /** A supplied release with the node's last report on it (null when there is none). */
    public record InstallationStatus(Installation installation, Status status) {}

    /** A row a search showed and no longer shows: its node (empty for a node) and its own key. */
    public record Removed(String parent, String reference) {}

    /**
     * What a fleet-wide search read: every row (or those changed after a counter, with the rows
     * removed since), and the database's change counter and source as of this read. The counter
     * is -1 and the source null when a full read found no row (it carries them on its rows).
     */
    public record Changed<T>(List<T> rows, List<Removed> removed, long counter, String source) {
        public Changed {
            rows = List.copyOf(rows);
            removed = List.copyOf(removed);
        }
    }
}
