package org.slapdesk.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Per profile: whether its alerts are on (the default) or off. */
public final class AlertSettingDao {

    private final AppStore store;

    AlertSettingDao(AppStore store) {
        this.store = store;
    }

    public boolean enabled(String profile) {
        return store.call("read the alert setting of " + profile, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT enabled FROM alert_setting WHERE profile = ?")) {
                s.setString(1, profile);
                try (ResultSet rs = s.executeQuery()) {
                    return !rs.next() || rs.getInt(1) == 1;
                }
            }
        });
    }

    public void setEnabled(String profile, boolean enabled) {
        store.call("save the alert setting of " + profile, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    INSERT INTO alert_setting (profile, enabled) VALUES (?, ?)
                    ON CONFLICT (profile) DO UPDATE SET enabled = excluded.enabled""")) {
                s.setString(1, profile);
                s.setInt(2, enabled ? 1 : 0);
                return s.executeUpdate();
            }
        });
    }
}
