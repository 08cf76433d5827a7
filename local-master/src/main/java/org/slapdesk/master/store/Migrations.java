package org.slapdesk.master.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ordered schema migrations. {@code schema_version} holds the number of migrations applied;
 * a database written by a newer Slapdesk (a higher version) is refused rather than damaged.
 * Append new steps at the end; never edit a released one.
 */
final class Migrations {

    private Migrations() {}

    private static final List<List<String>> STEPS = List.of(
            List.of(
                    """
                    CREATE TABLE compute_node (
                      reference TEXT PRIMARY KEY,
                      title TEXT NOT NULL,
                      address TEXT,
                      netmask TEXT,
                      created_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE compute_partition (
                      computer_reference TEXT NOT NULL REFERENCES compute_node(reference) ON DELETE CASCADE,
                      reference TEXT NOT NULL,
                      slap_state TEXT NOT NULL CHECK (slap_state IN ('free', 'busy', 'inactive')),
                      position INTEGER NOT NULL,
                      PRIMARY KEY (computer_reference, reference))""",
                    """
                    CREATE TABLE partition_address (
                      computer_reference TEXT NOT NULL,
                      partition_reference TEXT NOT NULL,
                      interface TEXT NOT NULL,
                      address TEXT NOT NULL,
                      netmask TEXT,
                      FOREIGN KEY (computer_reference, partition_reference)
                        REFERENCES compute_partition(computer_reference, reference) ON DELETE CASCADE)""",
                    """
                    CREATE TABLE software_installation (
                      computer_reference TEXT NOT NULL REFERENCES compute_node(reference) ON DELETE CASCADE,
                      url TEXT NOT NULL,
                      requested_state TEXT NOT NULL CHECK (requested_state IN ('available', 'destroyed')),
                      reported_state TEXT,
                      PRIMARY KEY (computer_reference, url))""",
                    """
                    CREATE TABLE instance (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      title TEXT NOT NULL,
                      requested_by TEXT NOT NULL,
                      software_release TEXT NOT NULL,
                      software_type TEXT NOT NULL,
                      parameter_xml TEXT NOT NULL,
                      connection_xml TEXT,
                      sla_xml TEXT NOT NULL,
                      shared INTEGER NOT NULL,
                      requested_state TEXT NOT NULL CHECK (requested_state IN ('started', 'stopped', 'destroyed')),
                      reported_state TEXT,
                      computer_reference TEXT,
                      partition_reference TEXT,
                      host_instance_id INTEGER REFERENCES instance(id) ON DELETE SET NULL,
                      timestamp INTEGER NOT NULL,
                      created_at INTEGER NOT NULL,
                      UNIQUE (title, requested_by))""",
                    "CREATE INDEX instance_partition ON instance(computer_reference, partition_reference)",
                    "CREATE INDEX instance_host ON instance(host_instance_id)",
                    """
                    CREATE TABLE access_status (
                      kind TEXT NOT NULL CHECK (kind IN ('node', 'installation', 'instance')),
                      reference TEXT NOT NULL,
                      text TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      since INTEGER NOT NULL,
                      PRIMARY KEY (kind, reference))"""),
            // 2: registration and credential tokens, stored as SHA-256 hashes only
            List.of(
                    """
                    CREATE TABLE access_token (
                      token_hash TEXT PRIMARY KEY,
                      kind TEXT NOT NULL CHECK (kind IN ('node', 'user')),
                      label TEXT,
                      created_at INTEGER NOT NULL,
                      expires_at INTEGER NOT NULL,
                      used_at INTEGER,
                      used_by TEXT)""",
                    "CREATE INDEX compute_node_title ON compute_node(title)"),
            // 3: revoked client certificates (serial in hexadecimal), refused from the next request on
            List.of(
                    """
                    CREATE TABLE revoked_certificate (
                      serial TEXT PRIMARY KEY,
                      subject TEXT NOT NULL,
                      revoked_at INTEGER NOT NULL)"""),
            // 4: the user who requested each instance tree first; other users may not see or change it
            List.of(
                    """
                    CREATE TABLE instance_tree_owner (
                      root_title TEXT PRIMARY KEY,
                      owner TEXT NOT NULL)"""));

    static int latest() {
        return STEPS.size();
    }

    /** Brings the schema to the latest version; returns it. */
    static int apply(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int current;
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > latest()) {
                throw new SQLException("this database has schema version " + current
                        + " but this Slapdesk knows only up to " + latest() + ": use a newer Slapdesk");
            }
            for (int step = current; step < latest(); step++) {
                for (String sql : STEPS.get(step)) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version(version) VALUES (" + (step + 1) + ")");
            }
            return latest();
        }
    }
}
