package org.slapdesk.gui.activity;

import java.time.Instant;
import org.slapdesk.core.store.AuditEntry;

/** One line of the audit log: which profile did what to which object, and how it ended. */
public record ActivityEntry(
        Instant at, String profile, String action, String target, AuditEntry.Outcome outcome, String detail) {

    /** What the Outcome column shows. */
    public String outcomeText() {
        String word =
                switch (outcome) {
                    case SUCCESS -> "done";
                    case FAILURE -> "failed";
                    case CANCELLED -> "cancelled";
                };
        return detail == null || detail.isBlank() ? word : word + ": " + detail;
    }
}
