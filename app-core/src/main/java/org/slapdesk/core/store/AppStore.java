package org.slapdesk.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slapdesk's own database: one SQLite file (WAL journal) holding profiles, known nodes, the
 * audit log and health samples. Opening it applies any missing schema step; a file made by a
 * newer Slapdesk is refused rather than damaged. One connection, used under this object's lock,
 * so the GUI thread and background pollers can share the store.
 */
public final class AppStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppStore.class);

    private final Path file;
    private final Connection connection;
    private final ProfileDao profiles;
    private final KnownNodeDao knownNodes;
    private final AuditLog auditLog;
    private final HealthSampleDao healthSamples;

    private AppStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.profiles = new ProfileDao(this);
        this.knownNodes = new KnownNodeDao(this);
        this.auditLog = new AuditLog(this);
        this.healthSamples = new HealthSampleDao(this);
    }

    /** {@code $XDG_DATA_HOME/slapdesk/slapdesk.db}, else {@code ~/.local/share/slapdesk/slapdesk.db}. */
    public static Path defaultPath(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : home.resolve(".local/share");
        return base.resolve("slapdesk").resolve("slapdesk.db");
    }

    public static AppStore openDefault() {
        return open(defaultPath(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /** Opens (creating it and its folder if needed) and migrates the database at {@code file}. */
    public static AppStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create the folder of the Slapdesk database " + file + ": " + e.getMessage(), e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("cannot open the Slapdesk database " + file + ": " + e.getMessage(), e);
        }
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            migrate(connection, file);
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

    private static void migrate(Connection connection, Path file) throws SQLException {
        int version = schemaVersion(connection);
        int latest = Migrations.latestVersion();
        if (version > latest) {
            throw new StoreException("the Slapdesk database " + file + " has schema version " + version
                    + ", made by a newer Slapdesk (this one knows up to " + latest + "); update Slapdesk");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int step = version + 1; step <= latest; step++) {
                try (Statement s = connection.createStatement()) {
                    for (String sql : Migrations.STEPS.get(step - 1)) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + step);
                }
                connection.commit();
                LOG.info("Slapdesk database {} migrated to schema version {}", file, step);
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public synchronized int schemaVersion() {
        return call("read the schema version", AppStore::schemaVersion);
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

    public HealthSampleDao healthSamples() {
        return healthSamples;
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
