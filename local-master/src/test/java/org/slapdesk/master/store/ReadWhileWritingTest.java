package org.slapdesk.master.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.store.Rows.Node;

/** A read runs while a write transaction is open, and sees only what was committed before it. */
class ReadWhileWritingTest {

    @TempDir
    Path dir;

    @Test
    void aReadDoesNotWaitForAnOpenWriteAndSeesOnlyCommittedRows() throws Exception {
        ExecutorService writerThread = Executors.newSingleThreadExecutor();
        try (Database database = Database.open(dir.resolve("m.sqlite"))) {
            database.inStore(store -> {
                store.upsertNode("COMP-1", "COMP-1", null, null, 1);
                return null;
            });
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch finishWrite = new CountDownLatch(1);
            Future<Object> write = writerThread.submit(() -> database.inStore(store -> {
                store.upsertNode("COMP-2", "COMP-2", null, null, 2);
                writing.countDown();
                awaitQuietly(finishWrite);
                return null;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            List<Node> seen = CompletableFuture.supplyAsync(() -> database.read(Store::nodes))
                    .get(5, TimeUnit.SECONDS);
            assertThat(seen).extracting(Node::reference).containsExactly("COMP-1");

            finishWrite.countDown();
            write.get(10, TimeUnit.SECONDS);
            assertThat(database.read(Store::nodes)).extracting(Node::reference).containsExactly("COMP-1", "COMP-2");
        } finally {
            writerThread.shutdownNow();
        }
    }

    @Test
    void aReadCannotWrite() throws Exception {
        try (Database database = Database.open(dir.resolve("m.sqlite"))) {
            assertThatThrownBy(() -> database.read(store -> {
                        store.upsertNode("COMP-1", "COMP-1", null, null, 1);
                        return null;
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(database.read(Store::nodes)).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
