package org.slapdesk.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.health.HealthThresholds;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.dashboard.HistoryStores;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.profile.AlertSwitch;

/** The settings are kept in the application database: a new window on the same data folder has them back. */
class SettingsSurviveRestartTest {

    @TempDir
    Path folder;

    private AppContext open(AppStore store) {
        return new AppContext(
                List.of(),
                profile -> {
                    throw new IllegalStateException("no master in this test");
                },
                ActivityStore.NONE,
                NodeInventory.inMemory(),
                NodeEnvironment.forThisUser(),
                new SettingsViewModel(SettingsStore.stored(store.settings()), Optional.of(folder)));
    }

    @Test
    void themeDensityRefreshAndThresholdsComeBackAfterARestart() {
        Path database = folder.resolve("slapdesk.db");
        try (AppStore store = AppStore.open(database)) {
            AppContext first = open(store);
            assertThat(first.settings().darkProperty().get()).isFalse();
            assertThat(first.settings().densityProperty().get()).isEqualTo(Density.NORMAL);
            first.settings().darkProperty().set(true);
            first.settings().densityProperty().set(Density.COMPACT);
            first.settings().refreshSecondsProperty().set(0);
            first.settings().errorSecondsProperty().set(1800);
            first.settings().warningSecondsProperty().set(600);
            first.close();
        }
        try (AppStore store = AppStore.open(database)) {
            AppContext again = open(store);
            assertThat(again.settings().darkProperty().get()).isTrue();
            assertThat(again.settings().densityProperty().get()).isEqualTo(Density.COMPACT);
            assertThat(again.settings().refreshSecondsProperty().get()).isZero();
            assertThat(again.settings().thresholds())
                    .isEqualTo(new HealthThresholds(Duration.ofMinutes(10), Duration.ofMinutes(30)));
            assertThat(again.settings().dataFolder()).contains(folder);
            again.close();
        }
    }

    private AppContext openWithHistoryAndAlerts(AppStore store) {
        return new AppContext(
                List.of(MasterProfile.local()),
                profile -> {
                    throw new IllegalStateException("no master in this test");
                },
                ActivityStore.NONE,
                NodeInventory.inMemory(),
                NodeEnvironment.forThisUser(),
                new SettingsViewModel(SettingsStore.stored(store.settings()), Optional.of(folder)),
                HistoryStores.in(store, Clock.systemUTC()),
                AlertSwitch.stored(store.alertSettings()),
                DesktopNotifier.NONE);
    }

    @Test
    void retentionWallCycleLocalAlertsAndMetricsComeBackAfterARestart() {
        Path database = folder.resolve("slapdesk.db");
        try (AppStore store = AppStore.open(database)) {
            AppContext first = openWithHistoryAndAlerts(store);
            SettingsViewModel settings = first.settings();
            assertThat(settings.retentionDaysProperty().get()).isEqualTo(30);
            assertThat(settings.wallCycleSecondsProperty().get()).isEqualTo(30);
            assertThat(settings.localAlertsProperty().get()).isTrue();
            assertThat(settings.metricsOnProperty().get()).as("off by default").isFalse();
            assertThat(settings.metricsListenProperty().get()).isEqualTo("127.0.0.1:9464");
            settings.retentionDaysProperty().set(7);
            settings.wallCycleSecondsProperty().set(45);
            settings.localAlertsProperty().set(false);
            settings.metricsListenProperty().set("127.0.0.1:0");
            settings.metricsAnyHostProperty().set(true);
            first.close();
        }
        try (AppStore store = AppStore.open(database)) {
            AppContext again = openWithHistoryAndAlerts(store);
            SettingsViewModel settings = again.settings();
            assertThat(settings.retentionDaysProperty().get()).isEqualTo(7);
            assertThat(settings.wallCycleSecondsProperty().get()).isEqualTo(45);
            assertThat(again.wall().cycleSecondsProperty().get()).isEqualTo(45);
            assertThat(settings.localAlertsProperty().get()).isFalse();
            assertThat(again.alertSwitch().enabled(MasterProfile.LOCAL_NAME)).isFalse();
            assertThat(settings.metricsListenProperty().get()).isEqualTo("127.0.0.1:0");
            assertThat(settings.metricsAnyHostProperty().get()).isTrue();
            again.close();
        }
    }

    @Test
    void aThemeGivenForOneRunIsNotSaved() {
        SettingsStore store = SettingsStore.inMemory();
        SettingsViewModel settings = new SettingsViewModel(store, Optional.empty());
        settings.showDarkForThisRun(true);
        assertThat(settings.darkProperty().get()).isTrue();
        assertThat(new SettingsViewModel(store, Optional.empty()).darkProperty().get())
                .isFalse();
    }

    @Test
    void thresholdsThatMakeNoSenseAreNotUsedAndSaySo() {
        SettingsViewModel settings = new SettingsViewModel();
        settings.warningSecondsProperty().set(900);
        assertThat(settings.thresholdProblemProperty().get()).contains("red must come after yellow");
        assertThat(settings.thresholds()).isEqualTo(HealthThresholds.MASTER);
        settings.errorSecondsProperty().set(1200);
        assertThat(settings.thresholdProblemProperty().get()).isEmpty();
        assertThat(settings.thresholds().warningAfter()).isEqualTo(Duration.ofSeconds(900));
    }
}
