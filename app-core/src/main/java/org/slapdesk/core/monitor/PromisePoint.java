package org.slapdesk.core.monitor;

import java.time.Instant;
import java.util.Objects;

/** One past result of a promise, from its history file, for a strip. */
public record PromisePoint(Instant at, PromiseStatus status, String message) {

    public PromisePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }
}
