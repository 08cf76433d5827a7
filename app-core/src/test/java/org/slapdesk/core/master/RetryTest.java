package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final List<Duration> slept = new ArrayList<>();
    private final Retry.Sleeper recording = (d, token) -> {
        slept.add(d);
        return token.isCancelled();
    };

    private static MasterException.NotReady notReady() {
        return new MasterException.NotReady("requestComputerPartition at http://m/", "not ready");
    }

    @Test
    void retriesNotReadyWithExponentialBackoffUpToTheCap() throws Exception {
        Retry retry = new Retry(new Retry.Policy(Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 10), recording);
        AtomicInteger calls = new AtomicInteger();
        List<Integer> announced = new ArrayList<>();
        String result = retry.call(
                () -> {
                    if (calls.incrementAndGet() < 6) {
                        throw calls.get() == 3 ? new MasterException.Busy("x", "busy") : notReady();
                    }
                    return "allocated";
                },
                CancellationToken.none(),
                w -> announced.add(w.attempt()));
        assertThat(result).isEqualTo("allocated");
        assertThat(calls).hasValue(6);
        assertThat(slept)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5));
        assertThat(announced).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        Retry retry = new Retry(new Retry.Policy(Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 3), recording);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call(
                        () -> {
                            calls.incrementAndGet();
                            throw notReady();
                        },
                        CancellationToken.none()))
                .isInstanceOf(MasterException.NotReady.class);
        assertThat(calls).hasValue(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    void otherFailuresAreNotRetried() {
        Retry retry = new Retry(Retry.Policy.defaults(), recording);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call(
                        () -> {
                            calls.incrementAndGet();
                            throw new MasterException.NotFound("x", "gone");
                        },
                        CancellationToken.none()))
                .isInstanceOf(MasterException.NotFound.class);
        assertThat(calls).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void cancellingTheTokenWakesTheRealSleeperAtOnce() throws Exception {
        Retry retry = new Retry(
                new Retry.Policy(Duration.ofMinutes(10), Duration.ofMinutes(10), 1.0, 5), Retry.Sleeper.real());
        CancellationToken token = new CancellationToken();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                retry.call(
                        () -> {
                            throw notReady();
                        },
                        token,
                        w -> waiting.countDown());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        token.cancel();
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome.get()).isInstanceOf(CancellationException.class).hasMessageContaining("not ready");
    }

    @Test
    void interruptingTheThreadStopsTheWait() throws Exception {
        Retry retry = new Retry(
                new Retry.Policy(Duration.ofMinutes(10), Duration.ofMinutes(10), 1.0, 5), Retry.Sleeper.real());
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                retry.call(
                        () -> {
                            throw notReady();
                        },
                        CancellationToken.none(),
                        w -> waiting.countDown());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        worker.interrupt();
        worker.join(10_000);
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anAlreadyCancelledTokenCallsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Retry.withDefaults().call(() -> calls.incrementAndGet(), token))
                .isInstanceOf(CancellationException.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void policyRefusesNonsense() {
        assertThatThrownBy(() -> new Retry.Policy(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retry.Policy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
