package org.slapdesk.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: who (a profile or a local user) did what to which target, and
 * how it ended. {@code id} orders entries written in the same millisecond.
 */
public record AuditEntry(
        long id, Instant at, String actor, String action, String target, Outcome outcome, Optional<String> detail) {

    public enum Outcome {
        SUCCESS,
        FAILURE,
        CANCELLED
    }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        for (String[] field : new String[][] {{"actor", actor}, {"action", action}, {"target", target}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("an audit entry needs its " + field[0]);
            }
        }
    }
}
