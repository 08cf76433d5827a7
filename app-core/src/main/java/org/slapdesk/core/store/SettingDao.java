package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The window's settings (theme, density, refresh, thresholds) as text by name. */
public final class SettingDao {

    private final AppStore store;

    SettingDao(AppStore store) {
        this.store = store;
    }

    /** Every stored setting by name. */
    public Map<String, String> all() {
        return store.call("read the settings", c -> {
            Map<String, String> settings = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM setting ORDER BY name");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
            return settings;
        });
    }

    public void put(String name, String value) {
        store.call("save the setting " + name, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO setting (name, value) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                s.setString(1, name);
                s.setString(2, value);
                return s.executeUpdate();
            }
        });
    }
}
