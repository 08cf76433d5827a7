package org.slapdesk.core.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the health history keeps what it records (default 30 days), how often it prunes
 * (at open, then every {@code pruneEvery}, default daily) and how many rows one prune statement
 * deletes at most (so the store's lock is never held long).
 */
public record HistoryOptions(Duration retention, Duration pruneEvery, int pruneBatch) {

    public HistoryOptions {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(pruneEvery, "pruneEvery");
        if (retention.toHours() < 1) {
            throw new IllegalArgumentException("the history keeps at least one hour, not " + retention);
        }
        if (pruneEvery.isNegative() || pruneEvery.isZero() || pruneBatch < 1) {
            throw new IllegalArgumentException("prune period and batch must be positive");
        }
    }

    public static HistoryOptions defaults() {
        return new HistoryOptions(Duration.ofDays(30), Duration.ofDays(1), 5_000);
    }

    public HistoryOptions withRetention(Duration value) {
        return new HistoryOptions(value, pruneEvery, pruneBatch);
    }
}
