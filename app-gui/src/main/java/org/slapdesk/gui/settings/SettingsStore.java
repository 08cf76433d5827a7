package org.slapdesk.gui.settings;

import java.util.HashMap;
import java.util.Map;
import org.slapdesk.core.store.SettingDao;

/** Where the window's settings are kept: the application database, or memory when it cannot be opened. */
public interface SettingsStore {

    Map<String, String> load();

    void save(String name, String value);

    /** Settings kept for this run only. */
    static SettingsStore inMemory() {
        Map<String, String> values = new HashMap<>();
        return new SettingsStore() {
            @Override
            public Map<String, String> load() {
                return Map.copyOf(values);
            }

            @Override
            public void save(String name, String value) {
                values.put(name, value);
            }
        };
    }

    /** Settings in the application database, so they survive a restart. */
    static SettingsStore stored(SettingDao settings) {
        return new SettingsStore() {
            @Override
            public Map<String, String> load() {
                return settings.all();
            }

            @Override
            public void save(String name, String value) {
                settings.put(name, value);
            }
        };
    }
}
