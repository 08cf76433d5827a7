package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Profiles by name. */
public final class ProfileDao {

    private final AppStore store;

    ProfileDao(AppStore store) {
        this.store = store;
    }

    /** Inserts the profile, or replaces the one with the same name. */
    public void save(ProfileRecord p) {
        store.call("save profile '" + p.name() + "'", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO profile (name, master_url, cert_path, key_path, ca_path, colour, kind)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET master_url = excluded.master_url,
                      cert_path = excluded.cert_path, key_path = excluded.key_path, ca_path = excluded.ca_path,
                      colour = excluded.colour, kind = excluded.kind""")) {
                s.setString(1, p.name());
                s.setString(2, p.masterUrl());
                s.setString(3, AppStore.text(p.certPath()));
                s.setString(4, AppStore.text(p.keyPath()));
                s.setString(5, AppStore.text(p.caPath()));
                s.setString(6, p.colour().orElse(null));
                s.setString(7, p.kind().column());
                return s.executeUpdate();
            }
        });
    }

    public Optional<ProfileRecord> find(String name) {
        return store.call("read profile '" + name + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM profile WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every profile, by name. */
    public List<ProfileRecord> list() {
        return store.call("list profiles", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM profile ORDER BY name");
                    ResultSet rs = s.executeQuery()) {
                List<ProfileRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        });
    }

    /** Renames a profile; false when there is none by that name. A taken new name is an error. */
    public boolean rename(String from, String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (!from.equals(to) && find(to).isPresent()) {
            throw new StoreException("a profile named '" + to + "' already exists; choose another name");
        }
        return store.call("rename profile '" + from + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE profile SET name = ? WHERE name = ?")) {
                s.setString(1, to);
                s.setString(2, from);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** False when there was no such profile. */
    public boolean delete(String name) {
        return store.call("delete profile '" + name + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM profile WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static ProfileRecord read(ResultSet rs) throws SQLException {
        return new ProfileRecord(
                rs.getString("name"),
                rs.getString("master_url"),
                AppStore.path(rs.getString("cert_path")),
                AppStore.path(rs.getString("key_path")),
                AppStore.path(rs.getString("ca_path")),
                Optional.ofNullable(rs.getString("colour")),
                ProfileRecord.Kind.fromColumn(rs.getString("kind")));
    }
}
