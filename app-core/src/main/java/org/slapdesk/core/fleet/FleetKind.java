package org.slapdesk.core.fleet;

import org.slapdesk.core.health.HealthSample;

/**
 * The kinds of object the fleet state tracks. A busy partition is the instance it holds, so
 * instances are not a kind of their own: {@link FleetSnapshot#instances()} is the busy partitions
 * keyed by instance title.
 */
public enum FleetKind {
    NODE,
    PARTITION,
    SOFTWARE_INSTALLATION,
    INSTANCE_TREE;

    /** The kind a health sample of this object is stored under. */
    public HealthSample.ObjectRef.Kind sampleKind() {
        return switch (this) {
            case NODE -> HealthSample.ObjectRef.Kind.NODE;
            case PARTITION -> HealthSample.ObjectRef.Kind.INSTANCE;
            case SOFTWARE_INSTALLATION -> HealthSample.ObjectRef.Kind.SOFTWARE_INSTALLATION;
            case INSTANCE_TREE -> HealthSample.ObjectRef.Kind.INSTANCE_TREE;
        };
    }
}
