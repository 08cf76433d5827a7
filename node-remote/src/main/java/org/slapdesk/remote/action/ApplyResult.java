package org.slapdesk.remote.action;

import java.util.List;

/** A plan applied and verified: the backups of the files it changed. */
public record ApplyResult(Plan plan, Verification verification, List<String> backups) {

    public ApplyResult {
        backups = List.copyOf(backups);
    }

    /** The result in a sentence for the operator: applied and verified, with what the verification noted. */
    public String summary() {
        StringBuilder text = new StringBuilder("Applied and verified: ").append(plan.title());
        verification.notes().forEach(n -> text.append(". ").append(n));
        return text.toString();
    }
}
