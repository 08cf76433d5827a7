package org.slapdesk.gui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void workRunsOneAtATimeInOrderOnAPoolOfSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor lane = new SerialExecutor(pool);
            List<Integer> order = new ArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(200);
            for (int i = 0; i < 200; i++) {
                int n = i;
                lane.execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    synchronized (order) {
                        order.add(n);
                    }
                    Thread.yield();
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(1);
            assertThat(order).isSorted().hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedPieceOfWorkDoesNotStopTheLane() {
        SerialExecutor lane = new SerialExecutor(Runnable::run);
        List<String> ran = new ArrayList<>();
        lane.execute(() -> {
            throw new IllegalStateException("broken");
        });
        lane.execute(() -> ran.add("after"));
        assertThat(ran).containsExactly("after");
    }
}
