package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit log: appended to, never edited; read newest first. */
public final class AuditLog {

    private final AppStore store;

    AuditLog(AppStore store) {
        this.store = store;
    }

    /** Writes one entry and returns it with its id. */
    public AuditEntry append(
            Instant at,
            String actor,
            String action,
            String target,
            AuditEntry.Outcome outcome,
            Optional<String> detail) {
        AuditEntry draft = new AuditEntry(0, at, actor, action, target, outcome, detail);
        long id = store.call("append to the audit log", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO audit_log (at_millis, actor, action, target, outcome, detail)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, actor);
                s.setString(3, action);
                s.setString(4, target);
                s.setString(5, outcome.name());
                s.setString(6, detail.orElse(null));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new AuditEntry(
                id,
                Instant.ofEpochMilli(at.toEpochMilli()),
                draft.actor(),
                draft.action(),
                draft.target(),
                draft.outcome(),
                draft.detail());
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        return query(
                "read the audit log",
                "SELECT * FROM audit_log ORDER BY at_millis DESC, id DESC LIMIT ?",
                s -> s.setInt(1, limit));
    }

    /** The latest {@code limit} entries about one target, newest first. */
    public List<AuditEntry> forTarget(String target, int limit) {
        return query(
                "read the audit log of " + target,
                "SELECT * FROM audit_log WHERE target = ? ORDER BY at_millis DESC, id DESC LIMIT ?",
                s -> {
                    s.setString(1, target);
                    s.setInt(2, limit);
                });
    }

    /** Entries with {@code from <= at < to}, oldest first (for export). */
    public List<AuditEntry> between(Instant from, Instant to) {
        return query(
                "read the audit log",
                "SELECT * FROM audit_log WHERE at_millis >= ? AND at_millis < ? " + "ORDER BY at_millis, id",
                s -> {
                    s.setLong(1, from.toEpochMilli());
                    s.setLong(2, to.toEpochMilli());
                });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<AuditEntry> query(String what, String sql, Binder binder) {
        return store.call(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    List<AuditEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new AuditEntry(
                                rs.getLong("id"),
                                Instant.ofEpochMilli(rs.getLong("at_millis")),
                                rs.getString("actor"),
                                rs.getString("action"),
                                rs.getString("target"),
                                AuditEntry.Outcome.valueOf(rs.getString("outcome")),
                                Optional.ofNullable(rs.getString("detail"))));
                    }
                    return out;
                }
            }
        });
    }
}
