package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Known nodes, one per (host, port, user). */
public final class KnownNodeDao {

    private final AppStore store;

    KnownNodeDao(AppStore store) {
        this.store = store;
    }

    /** Inserts the node, or replaces the one with the same host, port and user. */
    public void save(KnownNodeRecord n) {
        store.call("save known node " + n.label(), c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO known_node (host, port, user, key_path, jump_host, host_key_fingerprint)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (host, port, user) DO UPDATE SET key_path = excluded.key_path,
                      jump_host = excluded.jump_host, host_key_fingerprint = excluded.host_key_fingerprint""")) {
                s.setString(1, n.host());
                s.setInt(2, n.port());
                s.setString(3, n.user());
                s.setString(4, AppStore.text(n.keyPath()));
                s.setString(5, n.jumpHost().orElse(null));
                s.setString(6, n.hostKeyFingerprint().orElse(null));
                return s.executeUpdate();
            }
        });
    }

    public Optional<KnownNodeRecord> find(String host, int port, String user) {
        return store.call("read known node " + user + "@" + host + ":" + port, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM known_node WHERE host = ? AND port = ? AND user = ?")) {
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
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM known_node WHERE host = ? AND port = ? AND user = ?")) {
                s.setString(1, host);
                s.setInt(2, port);
                s.setString(3, user);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static KnownNodeRecord read(ResultSet rs) throws SQLException {
        return new KnownNodeRecord(rs.getString("host"), rs.getInt("port"), rs.getString("user"),
                AppStore.path(rs.getString("key_path")), Optional.ofNullable(rs.getString("jump_host")),
                Optional.ofNullable(rs.getString("host_key_fingerprint")));
    }
}
