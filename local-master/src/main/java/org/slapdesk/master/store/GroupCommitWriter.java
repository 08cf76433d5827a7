package org.slapdesk.master.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every write transaction on one thread and commits the transactions that queued up while
 * the previous commit was syncing as one SQLite transaction: concurrent writers share one fsync.
 * Each transaction runs under its own savepoint, so one that fails is undone alone; each caller
 * is answered only once its batch is durable. Nothing waits to fill a batch: a lone writer
 * commits at once.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 64;

    private record Pending<T>(Database.Work<T> work, CompletableFuture<T> result) {}

    private static final Pending<Object> STOP = new Pending<>(null, null);

    private final Connection connection;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final LongAdder commits = new LongAdder();
    private boolean closed; // guarded by queue

    GroupCommitWriter(Connection connection, String threadName) {
        this.connection = connection;
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code work} in a transaction; returns once it is committed and on disk. */
    <T> T run(Database.Work<T> work) throws SQLException {
        if (Thread.currentThread() == thread) {
            return work.run(connection); // a transaction opened from inside one joins it
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (queue) { // nothing is queued after STOP, so every write queued is answered
            if (closed) {
                throw new SQLException("the master database is closed");
            }
            queue.add(new Pending<>(work, result));
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a write to be committed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException(cause.getMessage(), cause);
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only STOP ends the loop, so no queued write is left unanswered
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
    }

    private void commit(List<Pending<?>> batch) {
        List<Runnable> answers = new ArrayList<>();
        try {
            for (Pending<?> pending : batch) {
                runUnderSavepoint(pending, answers);
            }
            connection.commit();
            commits.increment();
            answers.forEach(Runnable::run);
        } catch (SQLException | RuntimeException | Error e) {
            LOG.warn("a batch of {} write transactions failed to commit: {}", batch.size(), e.getMessage());
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            for (Pending<?> pending : batch) {
                pending.result().completeExceptionally(e); // no effect on those already refused
            }
        }
    }

    private <T> void runUnderSavepoint(Pending<T> pending, List<Runnable> answers) throws SQLException {
        execute("SAVEPOINT request");
        T value;
        try {
            value = pending.work().run(connection);
        } catch (SQLException | RuntimeException | Error e) {
            execute("ROLLBACK TO request");
            execute("RELEASE request");
            pending.result().completeExceptionally(e);
            return;
        }
        execute("RELEASE request");
        answers.add(() -> pending.result().complete(value));
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    long commits() {
        return commits.sum();
    }

    /** Transactions waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    /** Commits what is queued, then stops the thread. */
    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
