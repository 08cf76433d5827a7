package org.slapdesk.gui.page;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes on a lane off the FX thread and applies on the FX thread only the result of the newest
 * request: an older request not started yet is skipped, one computing is told it is superseded,
 * and a result that arrives after a newer request is dropped.
 */
final class NewestWins {

    private static final Logger LOG = LoggerFactory.getLogger(NewestWins.class);

    private final Executor lane;
    private final Executor fxThread;
    private final AtomicLong newest = new AtomicLong();

    NewestWins(Executor lane, Executor fxThread) {
        this.lane = lane;
        this.fxThread = fxThread;
    }

    /**
     * Computes {@code work} on the lane, then applies its result on the FX thread unless a newer
     * request came meanwhile. The work is given a check that says when it is superseded; it may
     * then give up and answer empty.
     */
    <T> void submit(Function<BooleanSupplier, Optional<T>> work, Consumer<T> apply) {
        long ticket = newest.incrementAndGet();
        BooleanSupplier superseded = () -> newest.get() != ticket;
        lane.execute(() -> {
            if (superseded.getAsBoolean()) {
                return;
            }
            Optional<T> result;
            try {
                result = work.apply(superseded);
            } catch (RuntimeException e) {
                LOG.warn("a background computation failed", e);
                return;
            }
            if (result.isEmpty() || superseded.getAsBoolean()) {
                return;
            }
            fxThread.execute(() -> {
                if (!superseded.getAsBoolean()) {
                    apply.accept(result.get());
                }
            });
        });
    }

    /** Drops every request made so far (their results will not be applied). */
    void cancel() {
        newest.incrementAndGet();
    }
}
