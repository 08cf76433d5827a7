package org.slapdesk.core.monitor;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slapdesk.core.fleet.FleetListener;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.FleetUpdate;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns colour changes into alerts for one profile: an object (node, installation, instance,
 * service, promise) that turns red raises one alert, and no other while it stays red; when more
 * than {@link AlertOptions#summaryThreshold} turn red in one refresh, one summary alert names them
 * all. What is already red when the engine first sees a fleet (or a service's promises) raises
 * nothing: it did not change, and "what is wrong now" lists it. Disabled, the engine raises nothing
 * but keeps tracking colours, so enabling it does not replay old reds. Keeps the last {@link
 * AlertOptions#historySize} alerts in memory. Pure core: the window shows them as desktop
 * notifications.
 *
 * <p>Thread safety: all methods may be called from any thread; listeners run on their executors.
 */
public final class AlertEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final int NAMES_IN_SUMMARY = 5;

    private record Delivery(Executor executor, AlertListener listener, AtomicBoolean active) {}

    private final String profile;
    private final AlertOptions options;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final CopyOnWriteArrayList<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Set<ObjectRef> red = new HashSet<>();
    private final Set<String> servicesSeen = new HashSet<>();
    private final Deque<Alert> history = new ArrayDeque<>();
    private boolean fleetSeen;
    private volatile boolean enabled;

    public AlertEngine(String profile, AlertOptions options, Clock clock) {
        this.profile = profile;
        this.options = options;
        this.clock = clock;
        this.enabled = options.enabled();
    }

    /**
     * Feeds the engine from {@code fleet}'s updates (on the fleet's refresh thread). The fleet's
     * current snapshot, when it has been read, is taken as the starting point.
     */
    public Subscription attach(FleetState fleet) {
        FleetSnapshot now = fleet.snapshot();
        if (now.readAt().isPresent()) {
            onSnapshot(now);
        }
        return fleet.subscribe(Runnable::run, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                AlertEngine.this.onUpdate(update);
            }
        });
    }

    /** The alerts the fleet's colour changes raise (also delivered to the listeners). */
    public List<Alert> onUpdate(FleetUpdate update) {
        return onSnapshot(update.snapshot());
    }

    /** The alerts the snapshot's objects that turned red raise, against what the engine last saw. */
    public List<Alert> onSnapshot(FleetSnapshot snapshot) {
        Set<ObjectRef> redNow = new HashSet<>();
        collectRed(redNow, ObjectRef.Kind.NODE, snapshot.nodes());
        collectRed(redNow, ObjectRef.Kind.SOFTWARE_INSTALLATION, snapshot.installations());
        collectRed(redNow, ObjectRef.Kind.INSTANCE, snapshot.instances());
        collectRed(redNow, ObjectRef.Kind.INSTANCE_TREE, snapshot.services());
        Set<ObjectRef> turned;
        synchronized (lock) {
            turned = new HashSet<>(redNow);
            turned.removeAll(red);
            red.removeIf(ref -> ref.kind() != ObjectRef.Kind.PROMISE && !redNow.contains(ref));
            red.addAll(redNow);
            if (!fleetSeen) {
                fleetSeen = true;
                turned.clear();
            }
        }
        if (turned.isEmpty()) {
            return List.of();
        }
        List<WrongItem> subjects = WhatIsWrong.list(profile, snapshot, List.of()).stream()
                .filter(w -> turned.contains(w.object()))
                .toList();
        return raise(subjects);
    }

    /** The alerts the promises' status changes raise (also delivered to the listeners). */
    public List<Alert> onPromises(Collection<ServicePromises> promises) {
        List<WrongItem> subjects = new ArrayList<>();
        synchronized (lock) {
            for (ServicePromises service : promises) {
                if (service.problem().isPresent()) {
                    continue; // unreadable: its promises keep their last colours
                }
                boolean firstLook = servicesSeen.add(service.serviceTitle());
                String prefix = service.serviceTitle() + "/";
                Set<ObjectRef> redNow = service.promises().stream()
                        .filter(p -> p.status() == PromiseStatus.ERROR)
                        .map(p -> p.ref(service.serviceTitle()))
                        .collect(Collectors.toSet());
                red.removeIf(ref -> ref.kind() == ObjectRef.Kind.PROMISE
                        && ref.reference().startsWith(prefix)
                        && !redNow.contains(ref));
                for (ObjectRef ref : redNow) {
                    if (red.add(ref) && !firstLook) {
                        WhatIsWrong.list(profile, FleetSnapshot.empty(), List.of(service)).stream()
                                .filter(w -> w.object().equals(ref))
                                .forEach(subjects::add);
                    }
                }
            }
        }
        return subjects.isEmpty() ? List.of() : raise(subjects);
    }

    private static void collectRed(Set<ObjectRef> out, ObjectRef.Kind kind, Map<String, ? extends Tracked<?>> objects) {
        objects.forEach((key, tracked) -> {
            if (tracked.health().level() == Health.Level.RED) {
                out.add(new ObjectRef(kind, key));
            }
        });
    }

    private List<Alert> raise(List<WrongItem> subjects) {
        if (!enabled || subjects.isEmpty()) {
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>();
        if (subjects.size() > options.summaryThreshold()) {
            String names = subjects.stream()
                    .limit(NAMES_IN_SUMMARY)
                    .map(WrongItem::title)
                    .collect(Collectors.joining(", "));
            int more = subjects.size() - NAMES_IN_SUMMARY;
            alerts.add(new Alert(
                    ids.incrementAndGet(),
                    clock.instant(),
                    profile,
                    subjects.size() + " objects turned red on " + profile,
                    names + (more > 0 ? " and " + more + " more" : ""),
                    true,
                    subjects));
        } else {
            for (WrongItem subject : subjects) {
                alerts.add(new Alert(
                        ids.incrementAndGet(),
                        clock.instant(),
                        profile,
                        label(subject.object().kind()) + " " + subject.title() + " turned red on " + profile,
                        subject.text(),
                        false,
                        List.of(subject)));
            }
        }
        synchronized (lock) {
            for (Alert alert : alerts) {
                history.addLast(alert);
                while (history.size() > options.historySize()) {
                    history.removeFirst();
                }
            }
        }
        alerts.forEach(this::deliver);
        return alerts;
    }

    private static String label(ObjectRef.Kind kind) {
        return switch (kind) {
            case NODE -> "Server";
            case SOFTWARE_INSTALLATION -> "Software";
            case INSTANCE -> "Instance";
            case INSTANCE_TREE -> "Service";
            case PROMISE -> "Promise";
        };
    }

    private void deliver(Alert alert) {
        for (Delivery d : deliveries) {
            try {
                d.executor().execute(() -> {
                    if (d.active().get()) {
                        try {
                            d.listener().onAlert(alert);
                        } catch (RuntimeException e) {
                            LOG.warn("an alert listener failed: {}", e.toString(), e);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("an alert listener's executor refused a delivery: {}", e.getMessage());
            }
        }
    }

    public Subscription subscribe(Executor executor, AlertListener listener) {
        Delivery delivery = new Delivery(executor, listener, new AtomicBoolean(true));
        deliveries.add(delivery);
        return () -> {
            delivery.active().set(false);
            deliveries.remove(delivery);
        };
    }

    /** The last alerts, oldest first. */
    public List<Alert> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Turns alerts on or off (the caller stores the setting, see {@code AppStore.alertSettings()}). */
    public void setEnabled(boolean value) {
        enabled = value;
    }
}
