package org.slapdesk.remote.action;

import java.util.List;

/** A plan applied and verified: the backups of the files it changed. */
public record ApplyResult(Plan plan, Verification verification, List<String> backups) {

    public ApplyResult {
        backups = List.copyOf(backups);
    }
}
