package org.slapdesk.master.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.slapdesk.core.store.SqliteFile;

/**
 * Read-only connections to the master's file, opened on demand up to a bound. In WAL mode a
 * reader sees the last committed state and neither waits for the writer nor makes it wait.
 */
final class ReadConnections implements AutoCloseable {

    private final Path file;
    private final int busyTimeoutMs;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<CachedConnection> idle = new ConcurrentLinkedQueue<>();
    private final List<CachedConnection> opened = new ArrayList<>();

    ReadConnections(Path file, int size, int busyTimeoutMs) {
        this.file = file;
        this.busyTimeoutMs = busyTimeoutMs;
        this.permits = new Semaphore(size, true);
    }

    /** A connection for this thread alone until {@link #giveBack}; waits while all are in use. */
    CachedConnection take() throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        CachedConnection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return open();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void giveBack(CachedConnection connection) {
        idle.offer(connection);
        permits.release();
    }

    private CachedConnection open() throws SQLException {
        Connection connection = SqliteFile.open(file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
            s.execute("PRAGMA query_only=ON");
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        CachedConnection cached = new CachedConnection(connection);
        synchronized (opened) {
            opened.add(cached);
        }
        return cached;
    }

    /** Closes every connection; call when no read is running any more. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        synchronized (opened) {
            for (CachedConnection connection : opened) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            opened.clear();
        }
        idle.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
