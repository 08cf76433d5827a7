package org.slapdesk.master;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.master.store.Rows.Status;
import org.slapdesk.master.store.Store;

/**
 * The access status of nodes, installations and instances (docs/protocol.md,
 * "Access status and health"): the last text, when it was written, and since when its class
 * ({@code #access}, {@code #error}, …) holds.
 */
final class AccessStatuses {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** The master's 0.0025 and 0.005 day thresholds (3.6 and 7.2 minutes, not 5 and 15). */
    private static final long SILENT_5_MINUTES_MS = 216_000L;

    private static final long SILENT_15_MINUTES_MS = 432_000L;

    /**
     * A node's contact (its every read) is written at most this often: far below the silence
     * thresholds above, so health is unchanged, and a node polling in a loop costs reads only.
     */
    static final long CONTACT_REFRESH_MS = 10_000L;

    private final Timestamps time;

    AccessStatuses(Timestamps time) {
        this.time = time;
    }

    /** Writes {@code text} as the status now, keeping {@code since} while its class holds; returns it. */
    Status put(Store store, String kind, String reference, String text) throws SQLException {
        long now = time.millis();
        Optional<Status> old = store.status(kind, reference);
        long since = old.filter(s -> AccessTexts.kind(s.text()).equals(AccessTexts.kind(text)))
                .map(Status::since)
                .orElse(now);
        Status status = new Status(kind, reference, text, now, since);
        store.putStatus(status);
        return status;
    }

    /** Whether a contact with {@code text} must be written over {@code old}: new text, or old enough. */
    boolean contactDue(Optional<Status> old, String text) {
        return old.isEmpty()
                || !old.get().text().equals(text)
                || time.millis() - old.get().createdAt() >= CONTACT_REFRESH_MS;
    }

    String text(Store store, String kind, String reference) throws SQLException {
        return store.status(kind, reference).map(Status::text).orElse(AccessTexts.noData(reference));
    }

    /** The dated part of a status, for the bulk listings. */
    static Map<String, Object> brief(Status status) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("text", status.text());
        d.put("created_at", RFC_1123.format(Instant.ofEpochMilli(status.createdAt())));
        d.put("since", RFC_1123.format(Instant.ofEpochMilli(status.since())));
        return d;
    }

    /** The status dict the master answers ({@code getComputerStatus}, news). */
    Map<String, Object> dict(Store store, String kind, String reference, String portalType) throws SQLException {
        Optional<Status> s = store.status(kind, reference);
        Map<String, Object> d = new LinkedHashMap<>();
        long now = time.millis();
        if (s.isEmpty()) {
            d.put("created_at", RFC_1123.format(Instant.ofEpochMilli(now)));
            d.put("no_data", 1L);
            d.put("portal_type", portalType);
            d.put("reference", reference);
            d.put("since", RFC_1123.format(Instant.ofEpochMilli(now)));
            d.put("state", "");
            d.put("text", AccessTexts.noData(reference));
            d.put("user", "SlapOS Master");
            return d;
        }
        Status status = s.get();
        d.put("created_at", RFC_1123.format(Instant.ofEpochMilli(status.createdAt())));
        long age = now - status.createdAt();
        if (age > SILENT_5_MINUTES_MS) {
            d.put("no_data_since_5_minutes", 1L);
        }
        if (age > SILENT_15_MINUTES_MS) {
            d.put("no_data_since_15_minutes", 1L);
        }
        d.put("portal_type", portalType);
        d.put("reference", reference);
        d.put("since", RFC_1123.format(Instant.ofEpochMilli(status.since())));
        d.put("state", "");
        d.put("text", status.text());
        d.put("user", reference);
        return d;
    }
}
