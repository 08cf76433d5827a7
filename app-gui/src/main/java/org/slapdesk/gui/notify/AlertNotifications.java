package org.slapdesk.gui.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.monitor.Alert;
import org.slapdesk.core.monitor.AlertListener;
import org.slapdesk.core.monitor.WrongItem;

/**
 * Shows each alert of the alert engine twice: as an entry of the window's notification history
 * (it stays until dismissed) and as a desktop notification, so it is seen with the window hidden.
 * The engine already leaves out repeats and folds many at once into one summary; here a service
 * and its root instance (same title) turning red together make one notification, not two. FX thread.
 */
public final class AlertNotifications implements AlertListener {

    private static final int DETAIL_LINES = 50;
    /** A service and its root instance turn red in the same refresh: well within this. */
    private static final Duration SAME_BREAK = Duration.ofMinutes(1);

    private final NotificationCenter center;
    private final DesktopNotifier desktop;
    private final Map<String, Instant> servicesNotified = new HashMap<>();

    public AlertNotifications(NotificationCenter center, DesktopNotifier desktop) {
        this.center = center;
        this.desktop = desktop;
    }

    @Override
    public void onAlert(Alert alert) {
        Optional<String> service = serviceOf(alert);
        if (service.isPresent()) {
            String key = alert.profile() + "\n" + service.get();
            Instant before = servicesNotified.get(key);
            servicesNotified.put(key, alert.at());
            if (before != null && Duration.between(before, alert.at()).abs().compareTo(SAME_BREAK) < 0) {
                return;
            }
        }
        String details = alert.subjects().stream()
                .limit(DETAIL_LINES)
                .map(item -> item.title() + ": " + item.text())
                .collect(Collectors.joining("\n"));
        center.post(Notification.Level.ERROR, "[" + alert.profile() + "] " + alert.title(), alert.text(), details);
        desktop.show(alert.profile() + ": " + alert.title(), alert.text());
    }

    /** The service (or root instance) title of a one-object alert about a service or an instance. */
    private static Optional<String> serviceOf(Alert alert) {
        if (alert.summary() || alert.subjects().size() != 1) {
            return Optional.empty();
        }
        WrongItem subject = alert.subjects().get(0);
        ObjectRef.Kind kind = subject.object().kind();
        return kind == ObjectRef.Kind.INSTANCE || kind == ObjectRef.Kind.INSTANCE_TREE
                ? Optional.of(subject.object().reference())
                : Optional.empty();
    }
}
