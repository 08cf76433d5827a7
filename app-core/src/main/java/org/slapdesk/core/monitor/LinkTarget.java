package org.slapdesk.core.monitor;

import java.util.Objects;
import org.slapdesk.core.health.HealthSample.ObjectRef;

/**
 * Where a click on a monitoring row leads: the profile, and the object's kind and reference as
 * the lists know it (a promise links to its service: kind INSTANCE_TREE, the service's title).
 */
public record LinkTarget(String profile, ObjectRef.Kind kind, String reference) {

    public LinkTarget {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
    }
}
