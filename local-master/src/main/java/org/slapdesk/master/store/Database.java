package org.slapdesk.master.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import org.slapdesk.core.store.SqliteFile;
import org.slapdesk.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's one SQLite file. WAL with {@code synchronous=FULL}, so a write is on disk when its
 * transaction commits (an acknowledged request survives {@code kill -9}); one transaction per
 * request. SQLite serialises writers anyway, so writes run on one connection, in order, on one
 * thread that commits the transactions queued meanwhile together (one fsync for many); reads run on their own read-only connections, each in one read transaction (a consistent
 * snapshot), and never wait for a writer. The busy timeout covers another process holding the
 * file.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int READ_CONNECTIONS = 8;

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work on the master's tables inside one transaction. */
    @FunctionalInterface
    public interface StoreWork<T> {
        T run(Store store) throws SQLException;
    }

    private final Path file;
    private final CachedConnection writer;
    private final GroupCommitWriter writes;
    private final ReadConnections readers;
    private final LongAdder statementsRun = new LongAdder();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.writer = new CachedConnection(connection);
        this.writes = new GroupCommitWriter(connection, "master-database-writer " + file.getFileName());
        this.readers = new ReadConnections(file, READ_CONNECTIONS, BUSY_TIMEOUT_MS);
    }

    /**
     * Opens (creating it, owner-only, and its folder if needed) and migrates the master database at
     * {@code file}; a file made by a newer Slapdesk is refused.
     */
    public static Database open(Path file) throws SQLException {
        Connection connection = SqliteFile.open(file);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            Migrations.adoptVersionTable(connection);
            int version = Migrations.MIGRATOR.migrate(connection, file);
            connection.setAutoCommit(false);
            LOG.info("master database {} at schema version {}", file, version);
            return new Database(file, connection);
        } catch (SQLException | StoreException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction on the writer connection: committed (and on disk) when
     * it returns, undone when it throws. Concurrent transactions may share one commit.
     */
    public <T> T transaction(Work<T> work) throws SQLException {
        return writes.run(work);
    }

    /**
     * {@link #transaction} with the master's statements; a database failure becomes an unchecked
     * error, which the HTTP layer answers with a logged 500.
     */
    public <T> T inStore(StoreWork<T> work) {
        try {
            return transaction(c -> work.run(new Store(writer, statementsRun)));
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work}, which only reads, in one read transaction on a reader connection: it sees
     * the state of the last commit before its first statement, whatever commits meanwhile, and
     * does not wait for the writer. A database failure becomes an unchecked error.
     */
    public <T> T read(StoreWork<T> work) {
        try {
            CachedConnection reader = readers.take();
            try {
                T result = work.run(new Store(reader, statementsRun));
                reader.connection().commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    reader.connection().rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                readers.giveBack(reader);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** How many SQL statements the master's {@link Store}s have run on this database so far. */
    public long statementsRun() {
        return statementsRun.sum();
    }

    /** How many commits (each one fsync) the writer has made; concurrent transactions share one. */
    public long commitsRun() {
        return writes.commits();
    }

    int queuedWrites() {
        return writes.queued();
    }

    @Override
    public void close() throws SQLException {
        try {
            writes.close();
            readers.close();
        } finally {
            writer.close();
        }
    }
}
