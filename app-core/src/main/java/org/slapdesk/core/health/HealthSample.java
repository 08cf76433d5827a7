package org.slapdesk.core.health;

import java.time.Instant;
import java.util.Objects;

/** One observation of one object's health, for charts. */
public record HealthSample(Instant at, ObjectRef object, Health health) {

    public HealthSample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(health, "health");
    }

    /**
     * Which object a sample is about: its kind and its reference — a node's reference, an
     * installation's {@code FleetSnapshot.installationKey}, an instance's or a service's title, a
     * promise's {@code <service>/<instance>/<promise>}.
     */
    public record ObjectRef(Kind kind, String reference) {
        public enum Kind {
            NODE,
            SOFTWARE_INSTALLATION,
            INSTANCE,
            INSTANCE_TREE,
            /** One promise of one instance; reference {@code <service>/<instance>/<promise>}. */
            PROMISE
        }

        public ObjectRef {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reference, "reference");
        }
    }
}
