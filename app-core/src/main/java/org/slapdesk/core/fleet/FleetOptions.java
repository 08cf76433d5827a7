package org.slapdesk.core.fleet;

import java.time.Duration;
import java.util.Objects;
import org.slapdesk.core.master.Retry;

/**
 * How a fleet state reads its master: at most {@code parallelReads} node reads in flight, and
 * the back-off applied when the master answers busy (429 / 503) or not ready.
 */
public record FleetOptions(int parallelReads, Retry.Policy backoff) {

    public static final int DEFAULT_PARALLEL_READS = 8;

    public FleetOptions {
        Objects.requireNonNull(backoff, "backoff");
        if (parallelReads < 1) {
            throw new IllegalArgumentException("a fleet needs at least one read in flight, not " + parallelReads);
        }
    }

    /** 8 reads in flight; on busy 0.5 s, 1 s, 2 s ... up to 30 s, 8 attempts per call. */
    public static FleetOptions defaults() {
        return new FleetOptions(
                DEFAULT_PARALLEL_READS, new Retry.Policy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 8));
    }

    public FleetOptions withParallelReads(int reads) {
        return new FleetOptions(reads, backoff);
    }

    public FleetOptions withBackoff(Retry.Policy policy) {
        return new FleetOptions(parallelReads, policy);
    }
}
