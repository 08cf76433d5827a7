package org.slapdesk.core.master;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final List<String> NODE_FIELDS = List.of("title", "reference", "relative_url", "access_status");
    private static final List<String> PARTITION_FIELDS = List.of(
            "reference",
            "parent_reference",
            "slap_state",
            "title",
            "url_string",
            "requested_state",
            "access_status_text");
    private static final List<String> INSTALLATION_FIELDS =
            List.of("url_string", "parent_reference", "requested_state", "access_status");

    private final HateoasEndpoint hateoas;

    BulkFleetRead(HateoasEndpoint hateoas) {
        this.hateoas = hateoas;
    }

    /**
     * Every node with its partitions and software, with the mark to ask for changes from when the
     * master gives one; empty when the master has no such searches.
     */
    Optional<FleetRead> read() throws MasterException {
        HateoasEndpoint.SearchAnswer nodeAnswer = hateoas.searchAnswer(HateoasEndpoint.COMPUTER_QUERY, NODE_FIELDS);
        List<JsonNode> nodeRows = nodeAnswer.rows();
        if (nodeRows.isEmpty()) {
            return Optional.of(new FleetRead(List.of(), Optional.empty()));
        }
        if (nodeRows.stream().anyMatch(row -> !row.has("access_status"))) {
            return Optional.empty();
        }
        Map<String, List<ComputePartition>> partitions = new LinkedHashMap<>();
        hateoas.streamSearch(PARTITION_QUERY, PARTITION_FIELDS, row -> {
            ComputePartition partition = partition(row);
            partitions
                    .computeIfAbsent(partition.computeNodeReference(), n -> new ArrayList<>())
                    .add(partition);
        });
        Map<String, List<SoftwareInstallation>> software = new LinkedHashMap<>();
        hateoas.streamSearch(INSTALLATION_QUERY, INSTALLATION_FIELDS, row -> {
            SoftwareInstallation installation = installation(row);
            software.computeIfAbsent(installation.computeNodeReference(), n -> new ArrayList<>())
                    .add(installation);
        });
        List<ComputeNodeDetail> details = new ArrayList<>();
        for (JsonNode row : nodeRows) {
            ComputeNode node = node(row);
            details.add(new ComputeNodeDetail(
                    node,
                    partitions.getOrDefault(node.reference(), List.of()),
                    software.getOrDefault(node.reference(), List.of())));
        }
        return Optional.of(new FleetRead(details, mark(nodeAnswer.answer())));
    }

    /**
     * The rows changed after {@code since} and the keys removed since, in four searches; empty when
     * the master cannot answer from that mark (no counter, another database, a counter gone back),
     * and the caller reads the whole fleet. The mark to ask from next time is the node search's:
     * the later searches see at least as much, and a row seen twice is merely applied twice.
     */
    Optional<FleetChanges> changesSince(ChangeMark since) throws MasterException {
        String term = " AND change_counter:>" + since.counter();
        HateoasEndpoint.SearchAnswer nodes = hateoas.searchAnswer(HateoasEndpoint.COMPUTER_QUERY + term, NODE_FIELDS);
        Optional<ChangeMark> now = mark(nodes.answer());
        if (now.isEmpty() || !since.precedes(now.get())) {
            return Optional.empty();
        }
        List<ComputePartition> partitions = new ArrayList<>();
        JsonNode partitionAnswer =
                hateoas.streamSearch(PARTITION_QUERY + term, PARTITION_FIELDS, row -> partitions.add(partition(row)));
        List<SoftwareInstallation> installations = new ArrayList<>();
        JsonNode installationAnswer = hateoas.streamSearch(
                INSTALLATION_QUERY + term, INSTALLATION_FIELDS, row -> installations.add(installation(row)));
        HateoasEndpoint.SearchAnswer services =
                hateoas.searchAnswer(HateoasEndpoint.SERVICE_QUERY + term, HateoasEndpoint.SERVICE_FIELDS);
        for (JsonNode later : List.of(partitionAnswer, installationAnswer, services.answer())) {
            Optional<ChangeMark> mark = mark(later);
            if (mark.isEmpty() || !now.get().precedes(mark.get())) {
                return Optional.empty(); // the master changed hands between two searches
            }
        }
        Set<String> removedNodes = new HashSet<>();
        nodes.answer()
                .path("removed")
                .forEach(r -> removedNodes.add(r.path("reference").asText()));
        Set<String> removedServices = new HashSet<>();
        services.answer()
                .path("removed")
                .forEach(r -> removedServices.add(r.path("title").asText()));
        return Optional.of(new FleetChanges(
                now.get(),
                nodes.rows().stream().map(BulkFleetRead::node).toList(),
                removedNodes,
                partitions,
                removed(partitionAnswer),
                installations,
                removed(installationAnswer),
                services.rows().stream().map(SlapMaster::serviceFromRow).toList(),
                removedServices));
    }

    private static List<RemovedRow> removed(JsonNode answer) {
        List<RemovedRow> out = new ArrayList<>();
        answer.path("removed")
                .forEach(r -> out.add(new RemovedRow(
                        r.path("parent_reference").asText(), r.path("reference").asText())));
        return out;
    }

    /** The counter a fleet-wide answer carries: how a master says it can answer changes. */
    private static Optional<ChangeMark> mark(JsonNode answer) {
        JsonNode counter = answer.path("change_counter");
        JsonNode source = answer.path("change_source");
        if (!counter.isIntegralNumber()
                || !source.isTextual()
                || source.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeMark(source.asText(), counter.asLong()));
    }

    private static ComputeNode node(JsonNode row) {
        String reference = row.path("reference").asText(row.path("title").asText());
        return new ComputeNode(reference, row.path("title").asText(reference), status(row.path("access_status")));
    }

    private static SoftwareInstallation installation(SearchRows.Row row) {
        return new SoftwareInstallation(
                row.text("url_string", ""),
                row.text("parent_reference", ""),
                row.text("requested_state", "available"),
                row.text("access_status.text").map(text -> new AccessStatus(text, null, null)));
    }

    private static ComputePartition partition(SearchRows.Row row) {
        boolean busy = "busy".equals(row.text("slap_state", ""));
        return new ComputePartition(
                row.text("reference", ""),
                row.text("parent_reference", ""),
                busy ? PartitionState.BUSY : PartitionState.FREE,
                busy ? row.text("title") : Optional.empty(),
                busy ? row.text("url_string") : Optional.empty(),
                busy ? row.text("requested_state").map(RequestedState::fromWire) : Optional.empty(),
                busy
                        ? row.text("access_status_text").map(text -> new AccessStatus(text, null, null))
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
