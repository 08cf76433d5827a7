package org.slapdesk.remote.action;

import java.util.List;

/**
 * What reading the node back after an apply found: ok, or each thing that is not as planned;
 * {@code notes} are what the operator should read in the result (e.g. how a change was confirmed).
 */
public record Verification(List<String> problems, List<String> notes) {

    public Verification {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public Verification(List<String> problems) {
        this(problems, List.of());
    }

    public static Verification ok() {
        return new Verification(List.of());
    }

    /** Verified, with something the result must say. */
    public static Verification ok(String note) {
        return new Verification(List.of(), List.of(note));
    }

    public boolean isOk() {
        return problems.isEmpty();
    }
}
