package org.slapdesk.gui.activity;

import java.util.List;
import java.util.Optional;
import org.slapdesk.core.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the activity in the application's database (app-core's {@link AuditLog}). */
public final class AuditLogStore implements ActivityStore {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogStore.class);
    private static final int SHOWN = 1000;

    private final AuditLog log;

    public AuditLogStore(AuditLog log) {
        this.log = log;
    }

    @Override
    public List<ActivityEntry> load() {
        return log.recent(SHOWN).stream()
                .map(e -> new ActivityEntry(
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.target(),
                        e.outcome(),
                        e.detail().orElse("")))
                .toList();
    }

    @Override
    public void append(ActivityEntry entry) {
        try {
            log.append(
                    entry.at(),
                    entry.profile(),
                    entry.action(),
                    entry.target(),
                    entry.outcome(),
                    entry.detail() == null || entry.detail().isBlank()
                            ? Optional.empty()
                            : Optional.of(entry.detail()));
        } catch (RuntimeException e) {
            // the action itself happened: losing its log line must not turn it into a failure
            LOG.warn("could not write the audit log: {}", e.getMessage());
        }
    }
}
