package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Known nodes, one per (host, port, user). */
public final class KnownNodeDao {

    private final AppStore store;

    KnownNodeDao(AppStore store) {
        this.store = store;
    }

    /**
     * Inserts the node with every field, or updates the one with the same host, port and user;
     * an update keeps the stored last result ({@link #recordLastResult} is what changes it), so
     * saving a record read before the last action does not roll that result back.
     */
    public void save(KnownNodeRecord n) {
        store.call("save known node " + n.label(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO known_node (host, port, user, key_path, jump_host, host_key_fingerprint,
                      name, slapos_command, slapos_config, last_result, last_result_at_millis, tag, computer_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (host, port, user) DO UPDATE SET key_path = excluded.key_path,
                      jump_host = excluded.jump_host, host_key_fingerprint = excluded.host_key_fingerprint,
                      name = excluded.name, slapos_command = excluded.slapos_command,
                      slapos_config = excluded.slapos_config, tag = excluded.tag,
                      computer_id = COALESCE(excluded.computer_id, known_node.computer_id)""")) {
                s.setString(1, n.host());
                s.setInt(2, n.port());
                s.setString(3, n.user());
                s.setString(4, AppStore.text(n.keyPath()));
                s.setString(5, n.jumpHost().orElse(null));
                s.setString(6, n.hostKeyFingerprint().orElse(null));
                s.setString(7, n.name().isEmpty() ? null : n.name());
                s.setString(8, n.slaposCommand());
                s.setString(9, n.slaposConfig());
                s.setString(
                        10, n.lastResult().map(KnownNodeRecord.LastResult::text).orElse(null));
                if (n.lastResult().isPresent()) {
                    s.setLong(11, n.lastResult().get().at().toEpochMilli());
                } else {
                    s.setNull(11, Types.INTEGER);
                }
                s.setString(12, n.tag().isEmpty() ? null : n.tag());
                s.setString(13, n.computerId().orElse(null));
                return s.executeUpdate();
            }
        });
    }

    /**
     * Records what working on a node last ended with; false when the node is not known or
     * already has a newer result (writes from several threads may arrive out of order).
     */
    public boolean recordLastResult(String host, int port, String user, KnownNodeRecord.LastResult result) {
        return store.call("record the last result on " + user + "@" + host + ":" + port, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    UPDATE known_node SET last_result = ?, last_result_at_millis = ?
                    WHERE host = ? AND port = ? AND user = ?
                      AND (last_result_at_millis IS NULL OR last_result_at_millis <= ?)""")) {
                s.setString(1, result.text());
                s.setLong(2, result.at().toEpochMilli());
                s.setString(3, host);
                s.setInt(4, port);
                s.setString(5, user);
                s.setLong(6, result.at().toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Records the computer_id read from the node's slapos.cfg (null: it names none); false when the node is not known. */
    public boolean recordComputerId(String host, int port, String user, Optional<String> computerId) {
        return store.call("record the computer_id of " + user + "@" + host + ":" + port, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE known_node SET computer_id = ? WHERE host = ? AND port = ? AND user = ?")) {
                s.setString(1, computerId.orElse(null));
                s.setString(2, host);
                s.setInt(3, port);
                s.setString(4, user);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<KnownNodeRecord> find(String host, int port, String user) {
        return store.call("read known node " + user + "@" + host + ":" + port, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT * FROM known_node WHERE host = ? AND port = ? AND user = ?")) {
                s.setString(1, host);
                s.setInt(2, port);
                s.setString(3, user);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every known node, by host, port and user. */
    public List<KnownNodeRecord> list() {
        return store.call("list known nodes", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM known_node ORDER BY host, port, user");
                    ResultSet rs = s.executeQuery()) {
                List<KnownNodeRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        });
    }

    /** Records the host key accepted for a node; false when the node is not known. */
    public boolean rememberHostKey(String host, int port, String user, String fingerprint) {
        return store.call("record the host key of " + user + "@" + host + ":" + port, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE known_node SET host_key_fingerprint = ? WHERE host = ? AND port = ? AND user = ?")) {
                s.setString(1, fingerprint);
                s.setString(2, host);
                s.setInt(3, port);
                s.setString(4, user);
                return s.executeUpdate() == 1;
            }
        });
    }

    public boolean delete(String host, int port, String user) {
        return store.call("delete known node " + user + "@" + host + ":" + port, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM known_node WHERE host = ? AND port = ? AND user = ?")) {
                s.setString(1, host);
                s.setInt(2, port);
                s.setString(3, user);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static KnownNodeRecord read(ResultSet rs) throws SQLException {
        String command = rs.getString("slapos_command");
        String config = rs.getString("slapos_config");
        String resultText = rs.getString("last_result");
        long resultAt = rs.getLong("last_result_at_millis");
        Optional<KnownNodeRecord.LastResult> result = resultText == null || rs.wasNull()
                ? Optional.empty()
                : Optional.of(new KnownNodeRecord.LastResult(resultText, Instant.ofEpochMilli(resultAt)));
        return new KnownNodeRecord(
                rs.getString("host"),
                rs.getInt("port"),
                rs.getString("user"),
                AppStore.path(rs.getString("key_path")),
                Optional.ofNullable(rs.getString("jump_host")),
                Optional.ofNullable(rs.getString("host_key_fingerprint")),
                rs.getString("name"),
                command == null ? KnownNodeRecord.DEFAULT_SLAPOS_COMMAND : command,
                config == null ? KnownNodeRecord.DEFAULT_SLAPOS_CONFIG : config,
                result,
                rs.getString("tag"),
                Optional.ofNullable(rs.getString("computer_id")));
    }
}
