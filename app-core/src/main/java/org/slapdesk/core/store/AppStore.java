package org.slapdesk.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.config.ConfigPaths;

/**
 * Slapdesk's own database: one SQLite file (WAL journal) holding profiles, known nodes, the
 * audit log, health history and alert settings. Opening it applies any missing schema step; a file made by a
 * newer Slapdesk is refused rather than damaged. One connection, used under this object's lock,
 * so the GUI thread and background pollers can share the store.
 */
public final class AppStore implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final ProfileDao profiles;
    private final KnownNodeDao knownNodes;
    private final AuditLog auditLog;
    private final HealthHistoryDao healthHistory;
    private final AlertSettingDao alertSettings;

    private AppStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.profiles = new ProfileDao(this);
        this.knownNodes = new KnownNodeDao(this);
        this.auditLog = new AuditLog(this);
        this.healthHistory = new HealthHistoryDao(this);
        this.alertSettings = new AlertSettingDao(this);
    }

    /** {@code $XDG_DATA_HOME/slapdesk/slapdesk.db}, else {@code ~/.local/share/slapdesk/slapdesk.db}. */
    public static Path defaultPath(Map<String, String> environment, Path home) {
        return ConfigPaths.dataHome(environment, home).resolve("slapdesk").resolve("slapdesk.db");
    }

    public static AppStore openDefault() {
        return open(defaultPath(System.getenv(), ConfigPaths.userHome()));
    }

    /**
     * Opens (creating it, owner-only, and its folder if needed) and migrates the database at {@code
     * file}.
     */
    public static AppStore open(Path file) {
        Connection connection;
        try {
            connection = SqliteFile.open(file);
        } catch (SQLException e) {
            throw new StoreException("cannot open the Slapdesk database " + file + ": " + e.getMessage(), e);
        }
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Migrations.MIGRATOR.migrate(connection, file);
            return new AppStore(file, connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(
                    "the Slapdesk database " + file + " cannot be used: " + e.getMessage()
                            + " (move it aside to start with an empty one)",
                    e);
        }
    }

    public synchronized int schemaVersion() {
        return call("read the schema version", SchemaMigrator::version);
    }

    /** The journal mode SQLite actually uses ({@code wal} unless the file system refuses it). */
    public synchronized String journalMode() {
        return call("read the journal mode", c -> {
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("PRAGMA journal_mode")) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    public Path file() {
        return file;
    }

    public ProfileDao profiles() {
        return profiles;
    }

    public KnownNodeDao knownNodes() {
        return knownNodes;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public HealthHistoryDao healthHistory() {
        return healthHistory;
    }

    public AlertSettingDao alertSettings() {
        return alertSettings;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the Slapdesk database " + file + " failed: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ for the DAOs

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} under the store's lock; an SQL failure becomes a StoreException saying what failed. */
    synchronized <T> T call(String what, SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<Path> path(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
    }

    static String text(Optional<Path> path) {
        return path.map(Path::toString).orElse(null);
    }
}
