package org.slapdesk.master.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.store.Rows.Node;

/**
 * Writers that arrive while a commit is under way share the next commit (one fsync), and one
 * failing transaction among them is undone alone.
 */
class GroupCommitTest {

    private static final int WRITERS = 20;

    @TempDir
    Path dir;

    private Database database;
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("m.sqlite"));
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        database.close();
    }

    @Test
    void writersQueuedBehindACommitShareTheNextAndAFailingOneIsUndoneAlone() throws Exception {
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch releaseBlocker = new CountDownLatch(1);
        Future<Object> blocker = threads.submit(() -> database.inStore(store -> {
            store.upsertNode("COMP-0", "COMP-0", null, null, 0);
            blockerRunning.countDown();
            awaitQuietly(releaseBlocker);
            return null;
        }));
        assertThat(blockerRunning.await(10, TimeUnit.SECONDS)).isTrue();
        long commitsBefore = database.commitsRun();

        List<Future<Object>> writers = new ArrayList<>();
        for (int n = 1; n <= WRITERS; n++) {
            String reference = "COMP-" + n;
            boolean fails = n == 7;
            writers.add(threads.submit(() -> database.inStore(store -> {
                store.upsertNode(reference, reference, null, null, 0);
                if (fails) {
                    throw new IllegalArgumentException("refused " + reference);
                }
                return null;
            })));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (database.queuedWrites() < WRITERS && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(database.queuedWrites()).isEqualTo(WRITERS);
        releaseBlocker.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        for (int n = 1; n <= WRITERS; n++) {
            Future<Object> writer = writers.get(n - 1);
            if (n == 7) {
                assertThatThrownBy(() -> writer.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(IllegalArgumentException.class);
            } else {
                writer.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(database.commitsRun() - commitsBefore)
                .as("commits for the blocker and %d queued writers", WRITERS)
                .isEqualTo(2);
        List<String> references =
                database.read(Store::nodes).stream().map(Node::reference).toList();
        assertThat(references)
                .hasSize(WRITERS)
                .contains("COMP-0", "COMP-1", "COMP-20")
                .doesNotContain("COMP-7");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
