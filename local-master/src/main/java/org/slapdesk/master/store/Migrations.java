package org.slapdesk.master.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slapdesk.core.store.SchemaMigrator;
import org.slapdesk.core.store.SchemaStep;

/**
 * The master database's schema, as the ordered steps that build it (run by {@link
 * SchemaMigrator}). Append new steps at the end; never edit a released one.
 */
final class Migrations {

    private Migrations() {}

    /** The instances the allocator looks at after each request and format. */
    static final String WAITING_FOR_A_PLACE = "requested_state<>'destroyed' AND"
            + " ((shared=0 AND partition_reference IS NULL) OR (shared=1 AND host_instance_id IS NULL))";

    static final List<SchemaStep> STEPS = List.of(
            new SchemaStep(
                    "nodes, partitions, addresses, installations, instances, access status",
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
            new SchemaStep(
                    "registration and credential tokens, stored as SHA-256 hashes only",
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
            new SchemaStep(
                    "revoked client certificates (serial in hexadecimal), refused from the next request on",
                    """
                    CREATE TABLE revoked_certificate (
                      serial TEXT PRIMARY KEY,
                      subject TEXT NOT NULL,
                      revoked_at INTEGER NOT NULL)"""),
            new SchemaStep(
                    "the user who requested each instance tree first; other users may not see or change it",
                    """
                    CREATE TABLE instance_tree_owner (
                      root_title TEXT PRIMARY KEY,
                      owner TEXT NOT NULL)"""),
            new SchemaStep(
                    "indexes for a node's addresses, the first free partition, instance trees and roots, waiting instances",
                    """
                    CREATE INDEX partition_address_partition
                      ON partition_address(computer_reference, partition_reference)""",
                    """
                    CREATE INDEX compute_partition_by_state
                      ON compute_partition(slap_state, computer_reference, position, reference)""",
                    "CREATE INDEX instance_requested_by ON instance(requested_by)",
                    "CREATE INDEX instance_waiting ON instance(id) WHERE " + WAITING_FOR_A_PLACE),
            ChangeTracking.STEP);

    static final SchemaMigrator MIGRATOR = new SchemaMigrator("the master database", STEPS);

    /**
     * Slapdesk up to schema version 2 kept the version in a {@code schema_version} table; the
     * migrator reads {@code user_version}. Moves the old record over (in one transaction) so such
     * a file upgrades in place.
     */
    static void adoptVersionTable(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            boolean legacy;
            try (ResultSet rs =
                    s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                legacy = rs.next();
            }
            if (legacy) {
                int version;
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (SchemaMigrator.version(connection) == 0) {
                    s.execute("PRAGMA user_version = " + version);
                }
                s.execute("DROP TABLE schema_version");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
