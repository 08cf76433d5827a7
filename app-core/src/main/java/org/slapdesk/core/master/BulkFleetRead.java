package org.slapdesk.core.master;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * The whole fleet in three HATEOAS searches (nodes with their access status, every partition
 * with its instance, every supplied release with its report) instead of one or two calls per
 * node. Only a master whose node rows carry {@code access_status} answers these searches (the
 * local master); for any other the read says so with an empty answer and the caller reads node
 * by node. What is read matches the node-by-node read: partition and installation statuses are
 * the text the node's own document carries, a node's status is dated as getComputerStatus gives it.
 */
final class BulkFleetRead {

    static final String PARTITION_QUERY = "portal_type:\"Compute Partition\" AND validation_state:validated";
    static final String INSTALLATION_QUERY = "portal_type:\"Software Installation\" AND validation_state:validated";

    private final HateoasEndpoint hateoas;

    BulkFleetRead(HateoasEndpoint hateoas) {
        this.hateoas = hateoas;
    }

    /** Every node with its partitions and software; empty when the master has no such searches. */
    Optional<List<ComputeNodeDetail>> read() throws MasterException {
        List<JsonNode> nodeRows = hateoas.search(
                HateoasEndpoint.COMPUTER_QUERY, List.of("title", "reference", "relative_url", "access_status"));
        if (nodeRows.isEmpty()) {
            return Optional.of(List.of());
        }
        if (nodeRows.stream().anyMatch(row -> !row.has("access_status"))) {
            return Optional.empty();
        }
        Map<String, List<ComputePartition>> partitions = new LinkedHashMap<>();
        for (JsonNode row : hateoas.search(
                PARTITION_QUERY,
                List.of(
                        "reference",
                        "parent_reference",
                        "slap_state",
                        "title",
                        "url_string",
                        "requested_state",
                        "access_status_text"))) {
            String node = row.path("parent_reference").asText();
            partitions.computeIfAbsent(node, n -> new ArrayList<>()).add(partition(node, row));
        }
        Map<String, List<SoftwareInstallation>> software = new LinkedHashMap<>();
        for (JsonNode row : hateoas.search(
                INSTALLATION_QUERY, List.of("url_string", "parent_reference", "requested_state", "access_status"))) {
            String node = row.path("parent_reference").asText();
            software.computeIfAbsent(node, n -> new ArrayList<>())
                    .add(new SoftwareInstallation(
                            row.path("url_string").asText(),
                            node,
                            row.path("requested_state").asText("available"),
                            text(row.path("access_status"), "text").map(text -> new AccessStatus(text, null, null))));
        }
        List<ComputeNodeDetail> details = new ArrayList<>();
        for (JsonNode row : nodeRows) {
            String reference = row.path("reference").asText(row.path("title").asText());
            details.add(new ComputeNodeDetail(
                    new ComputeNode(reference, row.path("title").asText(reference), status(row.path("access_status"))),
                    partitions.getOrDefault(reference, List.of()),
                    software.getOrDefault(reference, List.of())));
        }
        return Optional.of(details);
    }

    private static ComputePartition partition(String node, JsonNode row) {
        boolean busy = "busy".equals(row.path("slap_state").asText());
        Optional<String> title = busy ? text(row, "title") : Optional.empty();
        return new ComputePartition(
                row.path("reference").asText(),
                node,
                busy ? PartitionState.BUSY : PartitionState.FREE,
                title,
                busy ? text(row, "url_string") : Optional.empty(),
                busy ? text(row, "requested_state").map(RequestedState::fromWire) : Optional.empty(),
                busy
                        ? text(row, "access_status_text").map(text -> new AccessStatus(text, null, null))
                        : Optional.empty());
    }

    /** A node's dated status; none when the master has no data on it (shown grey). */
    private static Optional<AccessStatus> status(JsonNode status) {
        return text(status, "text")
                .map(text -> new AccessStatus(text, instant(status.path("created_at")), instant(status.path("since"))));
    }

    private static Optional<String> text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.asText(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
