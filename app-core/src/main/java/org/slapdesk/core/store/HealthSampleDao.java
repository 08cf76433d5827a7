package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample;

/**
 * Health samples kept across restarts, for charts longer than the in-memory {@link
 * org.slapdesk.core.health.HealthHistory}. The fleet state appends to it after each complete
 * refresh (docs/design.md, "Fleet state and monitoring").
 */
public final class HealthSampleDao {

    private final AppStore store;

    HealthSampleDao(AppStore store) {
        this.store = store;
    }

    public void save(HealthSample sample) {
        store.call("save a health sample of " + sample.object().reference(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO health_sample (at_millis, object_kind, object_reference, level, reason)
                    VALUES (?, ?, ?, ?, ?)""")) {
                s.setLong(1, sample.at().toEpochMilli());
                s.setString(2, sample.object().kind().name());
                s.setString(3, sample.object().reference());
                s.setString(4, sample.health().level().name());
                s.setString(5, sample.health().reason());
                return s.executeUpdate();
            }
        });
    }

    /** Saves many samples in one transaction: a fleet refresh appends one per object. */
    public void saveAll(List<HealthSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        store.call("save " + samples.size() + " health samples", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO health_sample (at_millis, object_kind, object_reference, level, reason)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (HealthSample sample : samples) {
                    s.setLong(1, sample.at().toEpochMilli());
                    s.setString(2, sample.object().kind().name());
                    s.setString(3, sample.object().reference());
                    s.setString(4, sample.health().level().name());
                    s.setString(5, sample.health().reason());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
                return samples.size();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    /** The samples of one object taken at or after {@code from}, oldest first. */
    public List<HealthSample> samples(HealthSample.ObjectRef object, Instant from) {
        return store.call("read the health samples of " + object.reference(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    SELECT at_millis, level, reason FROM health_sample
                    WHERE object_kind = ? AND object_reference = ? AND at_millis >= ?
                    ORDER BY at_millis, id""")) {
                s.setString(1, object.kind().name());
                s.setString(2, object.reference());
                s.setLong(3, from.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    List<HealthSample> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new HealthSample(
                                Instant.ofEpochMilli(rs.getLong(1)),
                                object,
                                new Health(Health.Level.valueOf(rs.getString(2)), rs.getString(3))));
                    }
                    return out;
                }
            }
        });
    }

    /** Deletes samples older than {@code before}; returns how many went. */
    public int deleteOlderThan(Instant before) {
        return store.call("prune health samples", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM health_sample WHERE at_millis < ?")) {
                s.setLong(1, before.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }
}
