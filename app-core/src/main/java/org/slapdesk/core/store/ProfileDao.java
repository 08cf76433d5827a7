package org.slapdesk.core.store;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.master.MasterProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Profiles by name. Product aliases are not stored: they come from a slapos-client.cfg each start. */
public final class ProfileDao {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileDao.class);

    private final AppStore store;

    ProfileDao(AppStore store) {
        this.store = store;
    }

    /** Inserts the profile, or replaces the one with the same name. */
    public void save(MasterProfile p) {
        store.call("save profile '" + p.name() + "'", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO profile (name, master_url, rest_url, cert_path, key_path, ca_path, colour, kind,
                      api_url)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET master_url = excluded.master_url,
                      rest_url = excluded.rest_url, api_url = excluded.api_url,
                      cert_path = excluded.cert_path, key_path = excluded.key_path, ca_path = excluded.ca_path,
                      colour = excluded.colour, kind = excluded.kind""")) {
                s.setString(1, p.name());
                s.setString(2, p.masterUrl().map(URI::toString).orElse(""));
                s.setString(3, p.restUrl().map(URI::toString).orElse(null));
                s.setString(4, AppStore.text(p.certFile()));
                s.setString(5, AppStore.text(p.keyFile()));
                s.setString(6, AppStore.text(p.caFile()));
                s.setString(7, p.colour());
                s.setString(8, p.kind().name().toLowerCase(Locale.ROOT));
                s.setString(9, p.apiUrl().map(URI::toString).orElse(null));
                return s.executeUpdate();
            }
        });
    }

    /** The profile; empty when there is none by that name. A stored profile that is no longer valid is an error. */
    public Optional<MasterProfile> find(String name) {
        return store.call("read profile '" + name + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM profile WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(read(rs));
                    } catch (IllegalArgumentException e) {
                        throw new StoreException("the stored profile '" + name + "' is unusable: " + e.getMessage()
                                + "; edit or delete it");
                    }
                }
            }
        });
    }

    /** Every usable profile, by name; one that is no longer valid is left out (and logged). */
    public List<MasterProfile> list() {
        return store.call("list profiles", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM profile ORDER BY name");
                    ResultSet rs = s.executeQuery()) {
                List<MasterProfile> out = new ArrayList<>();
                while (rs.next()) {
                    try {
                        out.add(read(rs));
                    } catch (IllegalArgumentException e) {
                        LOG.warn("leaving out the stored profile '{}': {}", rs.getString("name"), e.getMessage());
                    }
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
        if (!from.equals(to) && exists(to)) {
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

    private boolean exists(String name) {
        return store.call("look for profile '" + name + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM profile WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
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

    private static MasterProfile read(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        return new MasterProfile(
                name,
                MasterProfile.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                url(rs.getString("master_url"), "master URL of profile '" + name + "'"),
                url(rs.getString("rest_url"), "REST URL of profile '" + name + "'"),
                AppStore.path(rs.getString("cert_path")),
                AppStore.path(rs.getString("key_path")),
                AppStore.path(rs.getString("ca_path")),
                rs.getString("colour"),
                Map.of(),
                url(rs.getString("api_url"), "JSON-RPC API URL of profile '" + name + "'"));
    }

    private static Optional<URI> url(String text, String what) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(MasterProfile.parseUrl(text, what));
    }
}
