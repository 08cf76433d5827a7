package org.slapdesk.gui.activity;

import java.time.Instant;

/** One line of the audit log: who did what to which object, and how it ended. */
public record ActivityEntry(Instant at, String profile, String action, String target, String outcome) {
}
