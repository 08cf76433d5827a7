package org.slapdesk.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.health.ColourCounts;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.health.TimeRange;

/**
 * The SQL of the health history (tables {@code health_transition} and {@code health_count}); the
 * rules — when to write, which bucket width to read, what to prune — are {@code
 * org.slapdesk.core.monitor.HealthHistoryStore}'s.
 */
public final class HealthHistoryDao {

    private final AppStore store;

    HealthHistoryDao(AppStore store) {
        this.store = store;
    }

    /**
     * Writes one refresh in one transaction: the transitions, and {@code counts} added to the
     * bucket holding {@code at} of each width.
     */
    public void record(
            String profile,
            List<TransitionRow> transitions,
            Map<ObjectRef.Kind, LevelCounts> counts,
            Instant at,
            List<Duration> widths) {
        store.call("record the health history of " + profile, c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                insertTransitions(c, profile, transitions);
                updateCurrent(c, profile, transitions);
                addCounts(c, profile, counts, at, widths);
                c.commit();
                return null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private static void insertTransitions(Connection c, String profile, List<TransitionRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                """
                INSERT INTO health_transition
                  (profile, object_kind, object_reference, at_millis, level, reason, removed)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (TransitionRow row : rows) {
                s.setString(1, profile);
                s.setString(2, row.object().kind().name());
                s.setString(3, row.object().reference());
                s.setLong(4, row.at().toEpochMilli());
                s.setString(5, row.health().level().name());
                s.setString(6, row.health().reason());
                s.setInt(7, row.removed() ? 1 : 0);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void updateCurrent(Connection c, String profile, List<TransitionRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement(
                        """
                        INSERT OR REPLACE INTO health_current
                          (profile, object_kind, object_reference, level, reason, since_millis)
                        VALUES (?, ?, ?, ?, ?, ?)""");
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM health_current WHERE profile = ? AND object_kind = ? AND object_reference = ?")) {
            for (TransitionRow row : rows) {
                PreparedStatement s = row.removed() ? delete : upsert;
                s.setString(1, profile);
                s.setString(2, row.object().kind().name());
                s.setString(3, row.object().reference());
                if (!row.removed()) {
                    s.setString(4, row.health().level().name());
                    s.setString(5, row.health().reason());
                    s.setLong(6, row.at().toEpochMilli());
                }
                s.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
        }
    }

    private static void addCounts(
            Connection c, String profile, Map<ObjectRef.Kind, LevelCounts> counts, Instant at, List<Duration> widths)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                INSERT INTO health_count
                  (profile, object_kind, width_seconds, bucket_millis, samples, green, yellow, red, grey, red_max)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)
                ON CONFLICT (profile, object_kind, width_seconds, bucket_millis) DO UPDATE SET
                  samples = samples + 1,
                  green = green + excluded.green,
                  yellow = yellow + excluded.yellow,
                  red = red + excluded.red,
                  grey = grey + excluded.grey,
                  red_max = max(red_max, excluded.red_max)""")) {
            for (Map.Entry<ObjectRef.Kind, LevelCounts> e : counts.entrySet()) {
                for (Duration width : widths) {
                    LevelCounts n = e.getValue();
                    s.setString(1, profile);
                    s.setString(2, e.getKey().name());
                    s.setLong(3, width.toSeconds());
                    s.setLong(4, bucketStart(at, width));
                    s.setInt(5, n.green());
                    s.setInt(6, n.yellow());
                    s.setInt(7, n.red());
                    s.setInt(8, n.grey());
                    s.setInt(9, n.red());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    static long bucketStart(Instant at, Duration width) {
        long millis = width.toMillis();
        return Math.floorDiv(at.toEpochMilli(), millis) * millis;
    }

    /** The buckets of {@code width} that start in {@code range} (and the one {@code range} starts in), oldest first. */
    public List<ColourCounts> counts(String profile, ObjectRef.Kind kind, Duration width, TimeRange range) {
        return store.call("read the health counts of " + profile, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    SELECT bucket_millis, samples, green, yellow, red, grey, red_max FROM health_count
                    WHERE profile = ? AND object_kind = ? AND width_seconds = ?
                      AND bucket_millis >= ? AND bucket_millis < ?
                    ORDER BY bucket_millis""")) {
                s.setString(1, profile);
                s.setString(2, kind.name());
                s.setLong(3, width.toSeconds());
                s.setLong(4, bucketStart(range.from(), width));
                s.setLong(5, range.to().toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    List<ColourCounts> out = new ArrayList<>();
                    while (rs.next()) {
                        double samples = rs.getLong(2);
                        out.add(new ColourCounts(
                                Instant.ofEpochMilli(rs.getLong(1)),
                                width,
                                rs.getLong(3) / samples,
                                rs.getLong(4) / samples,
                                rs.getLong(5) / samples,
                                rs.getLong(6) / samples,
                                rs.getInt(7)));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * The transitions of one object that started before {@code range.to()} and still held at or
     * after {@code range.from()}: the last one at or before the start, then those inside, oldest first.
     */
    public List<TransitionRow> transitions(String profile, ObjectRef object, TimeRange range) {
        return store.call("read the health history of " + object.reference(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    SELECT at_millis, level, reason, removed FROM health_transition
                    WHERE profile = ?1 AND object_kind = ?2 AND object_reference = ?3 AND at_millis < ?5
                      AND at_millis >= coalesce((
                        SELECT max(at_millis) FROM health_transition
                        WHERE profile = ?1 AND object_kind = ?2 AND object_reference = ?3 AND at_millis <= ?4), 0)
                    ORDER BY at_millis, id""")) {
                s.setString(1, profile);
                s.setString(2, object.kind().name());
                s.setString(3, object.reference());
                s.setLong(4, range.from().toEpochMilli());
                s.setLong(5, range.to().toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    List<TransitionRow> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new TransitionRow(
                                object,
                                Instant.ofEpochMilli(rs.getLong(1)),
                                new Health(Health.Level.valueOf(rs.getString(2)), rs.getString(3)),
                                rs.getInt(4) == 1));
                    }
                    return out;
                }
            }
        });
    }

    /** The latest transition of every object of the profile that is still on the master. */
    public Map<ObjectRef, TransitionRow> latest(String profile) {
        return store.call("read the current health of " + profile, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    SELECT object_kind, object_reference, level, reason, since_millis
                    FROM health_current WHERE profile = ?""")) {
                s.setString(1, profile);
                try (ResultSet rs = s.executeQuery()) {
                    Map<ObjectRef, TransitionRow> out = new HashMap<>();
                    while (rs.next()) {
                        ObjectRef ref = new ObjectRef(ObjectRef.Kind.valueOf(rs.getString(1)), rs.getString(2));
                        out.put(
                                ref,
                                new TransitionRow(
                                        ref,
                                        Instant.ofEpochMilli(rs.getLong(5)),
                                        new Health(Health.Level.valueOf(rs.getString(3)), rs.getString(4)),
                                        false));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Deletes at most {@code batch} transitions older than {@code before} that no longer say
     * anything at {@code before}: those followed by a newer one at or before it, and the rows of
     * removed objects. The one that gives an object's colour at {@code before} stays.
     */
    public int pruneTransitions(String profile, Instant before, int batch) {
        return store.call("prune the health history of " + profile, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    DELETE FROM health_transition WHERE id IN (
                      SELECT t.id FROM health_transition t
                      WHERE t.profile = ?1 AND t.at_millis < ?2
                        AND (t.removed = 1 OR EXISTS (
                          SELECT 1 FROM health_transition n
                          WHERE n.profile = t.profile AND n.object_kind = t.object_kind
                            AND n.object_reference = t.object_reference
                            AND n.at_millis > t.at_millis AND n.at_millis <= ?2))
                      LIMIT ?3)""")) {
                s.setString(1, profile);
                s.setLong(2, before.toEpochMilli());
                s.setInt(3, batch);
                return s.executeUpdate();
            }
        });
    }

    /** Deletes at most {@code batch} buckets of {@code width} that start before {@code before}. */
    public int pruneCounts(String profile, Duration width, Instant before, int batch) {
        return store.call("prune the health counts of " + profile, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    DELETE FROM health_count
                    WHERE profile = ?1 AND width_seconds = ?2 AND (object_kind, bucket_millis) IN (
                      SELECT object_kind, bucket_millis FROM health_count
                      WHERE profile = ?1 AND width_seconds = ?2 AND bucket_millis < ?3 LIMIT ?4)""")) {
                s.setString(1, profile);
                s.setLong(2, width.toSeconds());
                s.setLong(3, before.toEpochMilli());
                s.setInt(4, batch);
                return s.executeUpdate();
            }
        });
    }

    /** How many rows the history of a profile holds. */
    public record RowCounts(long transitions, long buckets) {}

    /** Rows of the profile in each table, for tests and the benchmark. */
    public RowCounts rowCounts(String profile) {
        return store.call("count the health history of " + profile, c -> {
            long[] out = new long[2];
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM health_transition WHERE profile = ?")) {
                s.setString(1, profile);
                try (ResultSet rs = s.executeQuery()) {
                    out[0] = rs.next() ? rs.getLong(1) : 0;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM health_count WHERE profile = ?")) {
                s.setString(1, profile);
                try (ResultSet rs = s.executeQuery()) {
                    out[1] = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new RowCounts(out[0], out[1]);
        });
    }
}
