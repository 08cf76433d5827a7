package org.slapdesk.gui.profile;

import java.util.HashMap;
import java.util.Map;
import org.slapdesk.core.store.AlertSettingDao;

/** Whether a profile raises alerts (on by default); kept with the profile in the application database. */
public interface AlertSwitch {

    boolean enabled(String profile);

    void setEnabled(String profile, boolean on);

    static AlertSwitch stored(AlertSettingDao settings) {
        return new AlertSwitch() {
            @Override
            public boolean enabled(String profile) {
                return settings.enabled(profile);
            }

            @Override
            public void setEnabled(String profile, boolean on) {
                settings.setEnabled(profile, on);
            }
        };
    }

    /** For a window without the application database: the setting lasts until it closes. */
    static AlertSwitch inMemory(boolean byDefault) {
        Map<String, Boolean> settings = new HashMap<>();
        return new AlertSwitch() {
            @Override
            public boolean enabled(String profile) {
                return settings.getOrDefault(profile, byDefault);
            }

            @Override
            public void setEnabled(String profile, boolean on) {
                settings.put(profile, on);
            }
        };
    }
}
