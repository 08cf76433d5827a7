package org.slapdesk.core.fleet;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subscribers of one fleet state, each served on its own executor; a failing one harms no other. */
final class FleetListeners {

    private static final Logger LOG = LoggerFactory.getLogger(FleetListeners.class);

    private record Delivery(Executor executor, FleetListener listener, AtomicBoolean active) {}

    private final CopyOnWriteArrayList<Delivery> deliveries = new CopyOnWriteArrayList<>();

    Subscription add(Executor executor, FleetListener listener) {
        Delivery delivery = new Delivery(executor, listener, new AtomicBoolean(true));
        deliveries.add(delivery);
        return () -> {
            delivery.active().set(false);
            deliveries.remove(delivery);
        };
    }

    void update(FleetUpdate update) {
        deliver(listener -> listener.onUpdate(update));
    }

    void progress(RefreshProgress progress) {
        deliver(listener -> listener.onProgress(progress));
    }

    void clear() {
        deliveries.forEach(d -> d.active().set(false));
        deliveries.clear();
    }

    private void deliver(Consumer<FleetListener> call) {
        for (Delivery d : deliveries) {
            try {
                d.executor().execute(() -> {
                    if (!d.active().get()) {
                        return;
                    }
                    try {
                        call.accept(d.listener());
                    } catch (RuntimeException e) {
                        LOG.warn("a fleet listener failed: {}", e.toString(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("a fleet listener's executor refused a delivery: {}", e.getMessage());
            }
        }
    }
}
