package org.slapdesk.core.model;

import java.time.Instant;

/**
 * What the master last heard from a node, installation or instance (docs/protocol.md, "Access status and health"):
 * {@code text} starts with {@code #access}, {@code #error} or {@code #building}.
 */
public record AccessStatus(String text, Instant createdAt, Instant since) {

    public enum Kind {
        ACCESS,
        ERROR,
        BUILDING,
        UNKNOWN
    }

    public Kind kind() {
        if (text == null) {
            return Kind.UNKNOWN;
        }
        if (text.startsWith("#access")) {
            return Kind.ACCESS;
        }
        if (text.startsWith("#error")) {
            return Kind.ERROR;
        }
        if (text.startsWith("#building")) {
            return Kind.BUILDING;
        }
        return Kind.UNKNOWN;
    }
}
