package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingDaoTest {

    @TempDir
    Path folder;

    @Test
    void settingsSurviveClosingAndReopeningTheDatabaseAndALaterValueReplacesTheFirst() {
        Path file = folder.resolve("slapdesk.db");
        try (AppStore store = AppStore.open(file)) {
            assertThat(store.settings().all()).isEmpty();
            store.settings().put("theme", "light");
            store.settings().put("density", "compact");
            store.settings().put("theme", "dark");
        }
        try (AppStore again = AppStore.open(file)) {
            assertThat(again.settings().all())
                    .containsExactly(Map.entry("density", "compact"), Map.entry("theme", "dark"));
        }
    }
}
