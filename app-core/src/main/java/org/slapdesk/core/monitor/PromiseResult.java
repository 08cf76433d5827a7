package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.health.HealthSample.ObjectRef;

/**
 * One promise of one instance as its monitor last published it: name (the promise's title),
 * the instance it runs in, status and message, when it last ran ({@code start-date}), since when
 * its status has been what it is ({@code change-time}), and its recent history, oldest first
 * (bounded, see {@link PromiseReader}).
 */
public record PromiseResult(
        String name,
        String instance,
        PromiseStatus status,
        String message,
        Optional<Instant> lastRun,
        Optional<Instant> since,
        List<PromisePoint> history) {

    public PromiseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        lastRun = lastRun == null ? Optional.empty() : lastRun;
        since = since == null ? Optional.empty() : since;
        history = List.copyOf(history);
    }

    /** How the history and "what is wrong now" name this promise: {@code <service>/<instance>/<promise>}. */
    public ObjectRef ref(String serviceTitle) {
        return new ObjectRef(ObjectRef.Kind.PROMISE, serviceTitle + "/" + instance + "/" + name);
    }
}
