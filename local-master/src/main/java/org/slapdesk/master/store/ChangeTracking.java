package org.slapdesk.master.store;

import java.util.ArrayList;
import java.util.List;
import org.slapdesk.core.store.SchemaStep;

/**
 * The schema step that lets the master say what changed since a point. One counter per database
 * ({@code change_counter}, with a random {@code source} naming the database) is bumped by triggers
 * in the transaction of every write a fleet-wide search shows, and the written row takes its
 * value in {@code change_seq}; a removed row leaves a tombstone in {@code removed_row}. Triggers
 * rather than code at each write: no write path, present or future, can forget to bump it.
 *
 * <p>What the searches show of a status or an instance lives on another row: a node's access
 * status bumps the node, an installation's report bumps the installation, an instance (or its
 * status) bumps the partition it occupies, so each search filters one indexed column.
 */
final class ChangeTracking {

    private ChangeTracking() {}

    private static final String BUMP = "UPDATE change_counter SET value = value + 1;";
    private static final String COUNTER = "(SELECT value FROM change_counter)";

    static final SchemaStep STEP = new SchemaStep(
            "a change counter on the rows the fleet-wide searches show, and tombstones of removed rows", statements());

    private static List<String> statements() {
        List<String> sql = new ArrayList<>();
        sql.add(
                """
                CREATE TABLE change_counter (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  value INTEGER NOT NULL,
                  source TEXT NOT NULL)""");
        sql.add("INSERT INTO change_counter(id, value, source) VALUES (1, 0, lower(hex(randomblob(16))))");
        sql.add(
                """
                CREATE TABLE removed_row (
                  kind TEXT NOT NULL CHECK (kind IN ('node', 'partition', 'installation', 'instance')),
                  parent TEXT NOT NULL,
                  reference TEXT NOT NULL,
                  change_seq INTEGER NOT NULL,
                  PRIMARY KEY (kind, parent, reference))""");
        sql.add("CREATE INDEX removed_row_change ON removed_row(kind, change_seq)");
        for (String table : List.of("compute_node", "compute_partition", "software_installation", "instance")) {
            sql.add("ALTER TABLE " + table + " ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0");
            sql.add("CREATE INDEX " + table + "_change ON " + table + "(change_seq)");
        }
        String touchNode = "UPDATE compute_node SET change_seq = " + COUNTER + " WHERE reference = NEW.reference;";
        sql.add(trigger("node_added", "INSERT ON compute_node", null, touchNode));
        sql.add(trigger(
                "node_changed",
                "UPDATE OF title, address, netmask ON compute_node",
                changed("title", "address", "netmask"),
                touchNode));
        sql.add(trigger("node_removed", "DELETE ON compute_node", null, tombstone("node", "''", "OLD.reference")));

        String touchPartition = "UPDATE compute_partition SET change_seq = " + COUNTER
                + " WHERE computer_reference = NEW.computer_reference AND reference = NEW.reference;";
        sql.add(trigger("partition_added", "INSERT ON compute_partition", null, touchPartition));
        sql.add(trigger(
                "partition_changed",
                "UPDATE OF slap_state, position ON compute_partition",
                changed("slap_state", "position"),
                touchPartition));
        // an inactive partition leaves the searches as a removed one does
        sql.add(trigger(
                "partition_inactivated",
                "UPDATE OF slap_state ON compute_partition",
                "NEW.slap_state = 'inactive' AND OLD.slap_state <> 'inactive'",
                tombstone("partition", "NEW.computer_reference", "NEW.reference")));
        sql.add(trigger(
                "partition_removed",
                "DELETE ON compute_partition",
                null,
                tombstone("partition", "OLD.computer_reference", "OLD.reference")));

        String touchInstallation = "UPDATE software_installation SET change_seq = " + COUNTER
                + " WHERE computer_reference = NEW.computer_reference AND url = NEW.url;";
        sql.add(trigger("installation_added", "INSERT ON software_installation", null, touchInstallation));
        sql.add(trigger(
                "installation_changed",
                "UPDATE OF requested_state ON software_installation",
                changed("requested_state"),
                touchInstallation));
        sql.add(trigger(
                "installation_removed",
                "DELETE ON software_installation",
                null,
                tombstone("installation", "OLD.computer_reference", "OLD.url")));

        String touchInstance = "UPDATE instance SET change_seq = " + COUNTER + " WHERE id = NEW.id;";
        sql.add(trigger("instance_added", "INSERT ON instance", null, touchInstance + touchPartitionOf("NEW")));
        sql.add(trigger(
                "instance_changed",
                "UPDATE OF title, requested_by, software_release, software_type, shared, requested_state,"
                        + " computer_reference, partition_reference ON instance",
                changed(
                        "title",
                        "requested_by",
                        "software_release",
                        "software_type",
                        "shared",
                        "requested_state",
                        "computer_reference",
                        "partition_reference"),
                touchInstance + touchPartitionOf("OLD") + touchPartitionOf("NEW")));
        sql.add(trigger(
                "instance_removed",
                "DELETE ON instance",
                null,
                tombstone("instance", "OLD.requested_by", "OLD.title") + touchPartitionOf("OLD")));

        for (String kind : List.of("node", "installation", "instance")) {
            sql.add(trigger(
                    kind + "_status_added",
                    "INSERT ON access_status",
                    "NEW.kind = '" + kind + "'",
                    touchOwnerOfStatus(kind, "NEW")));
            sql.add(trigger(
                    kind + "_status_changed",
                    "UPDATE ON access_status",
                    "NEW.kind = '" + kind + "' AND (" + changed("reference", "text", "created_at", "since") + ")",
                    touchOwnerOfStatus(kind, "NEW")));
            sql.add(trigger(
                    kind + "_status_removed",
                    "DELETE ON access_status",
                    "OLD.kind = '" + kind + "'",
                    touchOwnerOfStatus(kind, "OLD")));
        }
        return sql;
    }

    private static String trigger(String name, String event, String when, String body) {
        return "CREATE TRIGGER change_" + name + " AFTER " + event + " FOR EACH ROW"
                + (when == null ? "" : " WHEN " + when) + " BEGIN " + BUMP + " " + body + " END";
    }

    private static String changed(String... columns) {
        List<String> terms = new ArrayList<>();
        for (String column : columns) {
            terms.add("OLD." + column + " IS NOT NEW." + column);
        }
        return String.join(" OR ", terms);
    }

    private static String tombstone(String kind, String parent, String reference) {
        return "INSERT OR REPLACE INTO removed_row(kind, parent, reference, change_seq) VALUES ('" + kind + "', "
                + parent + ", " + reference + ", " + COUNTER + ");";
    }

    /** The partition an instance (NEW or OLD) occupies, if it occupies one on its own. */
    private static String touchPartitionOf(String row) {
        return "UPDATE compute_partition SET change_seq = " + COUNTER + " WHERE " + row + ".shared = 0"
                + " AND computer_reference = " + row + ".computer_reference"
                + " AND reference = " + row + ".partition_reference;";
    }

    /** The row whose search shows a status of {@code kind} (NEW or OLD): its node, installation or instance's partition. */
    private static String touchOwnerOfStatus(String kind, String row) {
        String reference = row + ".reference";
        return switch (kind) {
            case "node" -> "UPDATE compute_node SET change_seq = " + COUNTER + " WHERE reference = " + reference + ";";
            case "installation" ->
                touchInstallation(reference, firstSpace(reference))
                        + touchInstallation(reference, lastSpace(reference));
            default ->
                "UPDATE compute_partition SET change_seq = " + COUNTER
                        + " WHERE (computer_reference, reference) IN (SELECT computer_reference, partition_reference"
                        + " FROM instance WHERE shared = 0 AND id = CAST(substr(" + reference + ", 10) AS INTEGER));";
        };
    }

    /**
     * An installation's status is keyed "node url": split at the first and at the last space, two
     * primary-key lookups find it whether the node's reference or the URL holds a space.
     */
    private static String touchInstallation(String reference, String nodeLength) {
        return "UPDATE software_installation SET change_seq = " + COUNTER + " WHERE computer_reference = substr("
                + reference + ", 1, " + nodeLength + ") AND url = substr(" + reference + ", " + nodeLength + " + 2);";
    }

    private static String firstSpace(String reference) {
        return "instr(" + reference + ", ' ') - 1";
    }

    private static String lastSpace(String reference) {
        // rtrim by every character but the space cuts the text back to its last space
        return "length(rtrim(" + reference + ", replace(" + reference + ", ' ', ''))) - 1";
    }
}
