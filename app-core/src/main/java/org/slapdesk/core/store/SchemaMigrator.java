package org.slapdesk.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an SQLite database to the latest of an ordered list of schema steps. Step N (counting
 * from 1) takes the file from version N-1 to N. The version is SQLite's {@code user_version},
 * written in the same transaction as its step, so a failure or a crash leaves the file at the
 * version before the step, never half-way. A file at a higher version than the steps reach was
 * made by a newer Slapdesk and is refused without being touched.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final String databaseName;
    private final List<SchemaStep> steps;

    /** {@code databaseName} names the file's role in messages, e.g. "the Slapdesk database". */
    public SchemaMigrator(String databaseName, List<SchemaStep> steps) {
        this.databaseName = databaseName;
        this.steps = List.copyOf(steps);
    }

    public int latestVersion() {
        return steps.size();
    }

    /**
     * Applies the missing steps, each in its own transaction, and returns the version reached.
     *
     * @throws StoreException when the file was made by a newer Slapdesk
     * @throws SQLException when a step fails (the file stays at the version before that step)
     */
    public int migrate(Connection connection, Path file) throws SQLException {
        int version = version(connection);
        if (version > latestVersion()) {
            throw new StoreException(databaseName + " " + file + " has schema version " + version
                    + ", made by a newer Slapdesk (this one knows up to " + latestVersion()
                    + "); update Slapdesk");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int step = version + 1; step <= latestVersion(); step++) {
                apply(connection, step);
                LOG.info("{} {} migrated to schema version {}", databaseName, file, step);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return latestVersion();
    }

    private void apply(Connection connection, int step) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : steps.get(step - 1).statements()) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = " + step);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** The schema version recorded in the file (0 for a new, empty one). */
    public static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
