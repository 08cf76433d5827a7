package org.slapdesk.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {

    @Test
    void ticksAtTheIntervalUntilStoppedAndCanBeRetimed() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        try (Poller poller = new Poller(Runnable::run, () -> {
            ticks.incrementAndGet();
            three.countDown();
        })) {
            poller.every(Duration.ofMillis(30));
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
            poller.every(Duration.ZERO);
            Thread.sleep(100);
            int stopped = ticks.get();
            Thread.sleep(200);
            assertThat(ticks.get()).as("no tick after stopping").isEqualTo(stopped);
        }
    }
}
