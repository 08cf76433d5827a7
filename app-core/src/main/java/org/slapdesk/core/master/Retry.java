package org.slapdesk.core.master;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a master call while the master says "not ready" (408 / JSON-RPC 102) or "busy"
 * (503), waiting with exponential backoff up to a cap, for at most {@code maxAttempts} calls.
 * Cancelled by a {@link CancellationToken} or by interrupting the thread; the sleeper is
 * injectable so tests run without waiting.
 */
public final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    /** One master call. */
    @FunctionalInterface
    public interface MasterCall<T> {
        T call() throws MasterException;
    }

    /** Waits; returns true when the wait was ended by cancellation. */
    @FunctionalInterface
    public interface Sleeper {
        boolean sleep(Duration duration, CancellationToken token) throws InterruptedException;

        static Sleeper real() {
            return (duration, token) -> token.awaitCancellation(duration);
        }
    }

    /** What the GUI shows while waiting: the attempt that failed, its failure, the next wait. */
    public record Waiting(int attempt, MasterException failure, Duration nextDelay) {}

    /** Backoff: {@code initial}, times {@code multiplier} each time, never above {@code max}. */
    public record Policy(Duration initialDelay, Duration maxDelay, double multiplier, int maxAttempts) {
        public Policy {
            Objects.requireNonNull(initialDelay, "initialDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (initialDelay.isNegative()
                    || maxDelay.compareTo(initialDelay) < 0
                    || multiplier < 1
                    || maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "a retry policy needs 0 <= initial <= max, multiplier >= 1 and at least one attempt");
            }
        }

        /** 2 s, 4 s, 8 s ... capped at 60 s, 20 attempts (about 15 minutes): a partition allocation. */
        public static Policy defaults() {
            return new Policy(Duration.ofSeconds(2), Duration.ofSeconds(60), 2.0, 20);
        }

        Duration delayAfter(int attempt) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
            return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
        }
    }

    private final Policy policy;
    private final Sleeper sleeper;

    public Retry(Policy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public static Retry withDefaults() {
        return new Retry(Policy.defaults(), Sleeper.real());
    }

    public Policy policy() {
        return policy;
    }

    public <T> T call(MasterCall<T> call, CancellationToken token) throws MasterException, InterruptedException {
        return call(call, token, waiting -> {});
    }

    /**
     * Calls until success, a failure that retrying cannot fix, or the last attempt.
     *
     * @throws CancellationException when the token is cancelled
     * @throws InterruptedException when the thread is interrupted
     * @throws MasterException the last failure when attempts run out, or any non-retryable one
     */
    public <T> T call(MasterCall<T> call, CancellationToken token, Consumer<Waiting> onWait)
            throws MasterException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            checkCancelled(token);
            try {
                return call.call();
            } catch (MasterException.NotReady | MasterException.Busy e) {
                if (attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration delay = policy.delayAfter(attempt);
                LOG.debug("{} (attempt {}), retrying in {} ms", e.getMessage(), attempt, delay.toMillis());
                onWait.accept(new Waiting(attempt, e, delay));
                if (sleeper.sleep(delay, token)) {
                    throw new CancellationException("cancelled while waiting: " + e.getMessage());
                }
            }
        }
    }

    private static void checkCancelled(CancellationToken token) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before calling the master");
        }
        if (token.isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
