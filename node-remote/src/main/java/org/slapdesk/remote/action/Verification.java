package org.slapdesk.remote.action;

import java.util.List;

/** What reading the node back after an apply found: ok, or each thing that is not as planned. */
public record Verification(List<String> problems) {

    public Verification {
        problems = List.copyOf(problems);
    }

    public static Verification ok() {
        return new Verification(List.of());
    }

    public boolean isOk() {
        return problems.isEmpty();
    }
}
