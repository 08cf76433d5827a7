package org.slapdesk.core.store;

import java.util.List;

/**
 * The application database's schema, as the ordered steps that build it (run by {@link
 * SchemaMigrator}). Never edit a released step; add a new one.
 */
final class Migrations {

    private Migrations() {}

    static final List<SchemaStep> STEPS = List.of(
            new SchemaStep(
                    "profiles, known nodes, audit log, health samples",
                    """
                    CREATE TABLE profile (
                      name TEXT PRIMARY KEY,
                      master_url TEXT NOT NULL,
                      cert_path TEXT,
                      key_path TEXT,
                      ca_path TEXT,
                      colour TEXT,
                      kind TEXT NOT NULL CHECK (kind IN ('local', 'remote'))
                    )""",
                    """
                    CREATE TABLE known_node (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      host TEXT NOT NULL,
                      port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
                      user TEXT NOT NULL,
                      key_path TEXT,
                      jump_host TEXT,
                      host_key_fingerprint TEXT,
                      UNIQUE (host, port, user)
                    )""",
                    """
                    CREATE TABLE audit_log (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      at_millis INTEGER NOT NULL,
                      actor TEXT NOT NULL,
                      action TEXT NOT NULL,
                      target TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      detail TEXT
                    )""",
                    "CREATE INDEX audit_log_at ON audit_log (at_millis)",
                    "CREATE INDEX audit_log_target ON audit_log (target, at_millis)",
                    """
                    CREATE TABLE health_sample (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      at_millis INTEGER NOT NULL,
                      object_kind TEXT NOT NULL,
                      object_reference TEXT NOT NULL,
                      level TEXT NOT NULL,
                      reason TEXT NOT NULL
                    )""",
                    "CREATE INDEX health_sample_object ON health_sample (object_kind, object_reference, at_millis)"),
            // null in the new columns = no name / the defaults / no result yet
            new SchemaStep(
                    "per node: the operator's name, where slapos and slapos.cfg are, the last result",
                    "ALTER TABLE known_node ADD COLUMN name TEXT",
                    "ALTER TABLE known_node ADD COLUMN slapos_command TEXT",
                    "ALTER TABLE known_node ADD COLUMN slapos_config TEXT",
                    "ALTER TABLE known_node ADD COLUMN last_result TEXT",
                    "ALTER TABLE known_node ADD COLUMN last_result_at_millis INTEGER"),
            new SchemaStep(
                    "a profile's HATEOAS URL (master_rest_url), for masters that do not say where it is",
                    "ALTER TABLE profile ADD COLUMN rest_url TEXT"),
            new SchemaStep(
                    "the window's settings (theme, density, refresh interval, health thresholds) by name",
                    """
                    CREATE TABLE setting (
                      name TEXT PRIMARY KEY,
                      value TEXT NOT NULL
                    )"""),
            // one row per refresh per object grew too fast (10k nodes x 30 s); the old rows had no profile
            // and only tests wrote them, so they are dropped, not converted
            new SchemaStep(
                    "health history as colour changes per object plus counts per colour per time bucket;"
                            + " alerts on or off per profile",
                    "DROP TABLE health_sample",
                    """
                    CREATE TABLE health_transition (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      profile TEXT NOT NULL,
                      object_kind TEXT NOT NULL,
                      object_reference TEXT NOT NULL,
                      at_millis INTEGER NOT NULL,
                      level TEXT NOT NULL,
                      reason TEXT NOT NULL,
                      removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
                    )""",
                    "CREATE INDEX health_transition_object"
                            + " ON health_transition (profile, object_kind, object_reference, at_millis)",
                    "CREATE INDEX health_transition_at ON health_transition (profile, at_millis)",
                    // the colour each object has now, so opening the history reads one row per object
                    """
                    CREATE TABLE health_current (
                      profile TEXT NOT NULL,
                      object_kind TEXT NOT NULL,
                      object_reference TEXT NOT NULL,
                      level TEXT NOT NULL,
                      reason TEXT NOT NULL,
                      since_millis INTEGER NOT NULL,
                      PRIMARY KEY (profile, object_kind, object_reference)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE health_count (
                      profile TEXT NOT NULL,
                      object_kind TEXT NOT NULL,
                      width_seconds INTEGER NOT NULL,
                      bucket_millis INTEGER NOT NULL,
                      samples INTEGER NOT NULL,
                      green INTEGER NOT NULL,
                      yellow INTEGER NOT NULL,
                      red INTEGER NOT NULL,
                      grey INTEGER NOT NULL,
                      red_max INTEGER NOT NULL,
                      PRIMARY KEY (profile, object_kind, width_seconds, bucket_millis)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE alert_setting (
                      profile TEXT PRIMARY KEY,
                      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
                    )"""),
            // null = no group / no computer_id read yet
            new SchemaStep(
                    "per node: its group (a tag such as paris) and the computer_id of its slapos.cfg",
                    "ALTER TABLE known_node ADD COLUMN tag TEXT",
                    "ALTER TABLE known_node ADD COLUMN computer_id TEXT"),
            // null = JSON-RPC at the master URL
            new SchemaStep(
                    "a profile's JSON-RPC API URL, for masters that serve it apart (portal_web_services)",
                    "ALTER TABLE profile ADD COLUMN api_url TEXT"));

    static final SchemaMigrator MIGRATOR = new SchemaMigrator("the Slapdesk database", STEPS);

    static int latestVersion() {
        return MIGRATOR.latestVersion();
    }
}
