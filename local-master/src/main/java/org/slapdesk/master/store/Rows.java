package org.slapdesk.master.store;

/** The rows of the master's tables, as the store reads them. */
public final class Rows {

    private Rows() {}

    public record Node(String reference, String title, String address, String netmask, long createdAt) {}

    public record Partition(String computerReference, String reference, String slapState, int position) {
        public boolean free() {
            return "free".equals(slapState);
        }
    }

    public record Address(String interfaceName, String address, String netmask) {}

    public record Installation(String computerReference, String url, String requestedState, String reportedState) {}

    public record Instance(long id, String title, String requestedBy, String softwareRelease, String softwareType,
                           String parameterXml, String connectionXml, String slaXml, boolean shared,
                           String requestedState, String reportedState, String computerReference,
                           String partitionReference, Long hostInstanceId, long timestamp, long createdAt) {

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
    }

    public record Status(String kind, String reference, String text, long createdAt, long since) {}
}
