package org.slapdesk.gui.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.health.HealthThresholds;
import org.slapdesk.core.monitor.MetricsListenAddress;
import org.slapdesk.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's settings: theme, table density, refresh interval, the node health thresholds, the
 * history's retention, the wall's cycle, whether to serve the fleet's metrics for Prometheus,
 * read from the store when the window opens and saved there as soon as they change; and where the
 * application keeps its data (shown, not changed here). FX thread, except {@link #thresholds}.
 */
public final class SettingsViewModel {

    public static final int DEFAULT_REFRESH_SECONDS = 10;
    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int DEFAULT_WALL_CYCLE_SECONDS = 30;
    static final String THEME = "theme";
    static final String DENSITY = "density";
    static final String REFRESH = "refresh-seconds";
    static final String WARNING = "node-yellow-after-seconds";
    static final String ERROR = "node-red-after-seconds";
    static final String RETENTION = "history-retention-days";
    static final String WALL_CYCLE = "wall-cycle-seconds";
    static final String METRICS_ON = "metrics-serve";
    static final String METRICS_LISTEN = "metrics-listen";
    static final String METRICS_ANY_HOST = "metrics-any-host";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final SettingsStore store;
    private final Optional<Path> dataFolder;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ObjectProperty<Density> density = new SimpleObjectProperty<>(Density.NORMAL);
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(DEFAULT_REFRESH_SECONDS);
    private final IntegerProperty warningSeconds =
            new SimpleIntegerProperty((int) HealthRules.WARNING_AFTER.toSeconds());
    private final IntegerProperty errorSeconds = new SimpleIntegerProperty((int) HealthRules.ERROR_AFTER.toSeconds());
    private final StringProperty thresholdProblem = new SimpleStringProperty("");
    private final IntegerProperty retentionDays = new SimpleIntegerProperty(DEFAULT_RETENTION_DAYS);
    private final IntegerProperty wallCycleSeconds = new SimpleIntegerProperty(DEFAULT_WALL_CYCLE_SECONDS);
    private final BooleanProperty localAlerts = new SimpleBooleanProperty(true);
    private final BooleanProperty metricsOn = new SimpleBooleanProperty();
    private final StringProperty metricsListen = new SimpleStringProperty(MetricsListenAddress.DEFAULT);
    private final BooleanProperty metricsAnyHost = new SimpleBooleanProperty();
    private final StringProperty metricsState = new SimpleStringProperty("Off.");
    // read by the fleet refresh off the FX thread
    private volatile HealthThresholds thresholds = HealthThresholds.MASTER;
    private boolean saving;

    /** Settings kept for this run only, no data folder. */
    public SettingsViewModel() {
        this(SettingsStore.inMemory(), Optional.empty());
    }

    public SettingsViewModel(SettingsStore store, Optional<Path> dataFolder) {
        this.store = store;
        this.dataFolder = dataFolder;
        load();
        dark.addListener((o, was, now) -> save(THEME, now ? "dark" : "light"));
        density.addListener((o, was, now) -> save(DENSITY, now.name().toLowerCase(Locale.ROOT)));
        refreshSeconds.addListener((o, was, now) -> save(REFRESH, String.valueOf(now.intValue())));
        warningSeconds.addListener((o, was, now) -> thresholdsChanged(WARNING, now.intValue()));
        errorSeconds.addListener((o, was, now) -> thresholdsChanged(ERROR, now.intValue()));
        retentionDays.addListener((o, was, now) -> save(RETENTION, String.valueOf(now.intValue())));
        wallCycleSeconds.addListener((o, was, now) -> save(WALL_CYCLE, String.valueOf(now.intValue())));
        metricsOn.addListener((o, was, now) -> save(METRICS_ON, String.valueOf(now)));
        metricsListen.addListener((o, was, now) -> save(METRICS_LISTEN, now));
        metricsAnyHost.addListener((o, was, now) -> save(METRICS_ANY_HOST, String.valueOf(now)));
        saving = true;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Shows a theme for this run only (the window's --theme option), leaving the saved one alone. */
    public void showDarkForThisRun(boolean value) {
        saving = false;
        try {
            dark.set(value);
        } finally {
            saving = true;
        }
    }

    public ObjectProperty<Density> densityProperty() {
        return density;
    }

    /** 0 turns live refresh off. */
    public IntegerProperty refreshSecondsProperty() {
        return refreshSeconds;
    }

    /** Seconds without contact after which a node turns yellow. */
    public IntegerProperty warningSecondsProperty() {
        return warningSeconds;
    }

    /** Seconds without contact after which a node turns red. */
    public IntegerProperty errorSecondsProperty() {
        return errorSeconds;
    }

    /** Why the thresholds as typed are not used ("" when they are). */
    public ReadOnlyStringProperty thresholdProblemProperty() {
        return thresholdProblem;
    }

    /** How many days the health history keeps (the daily prune cuts what is older). */
    public IntegerProperty retentionDaysProperty() {
        return retentionDays;
    }

    /** Seconds the wall shows each profile of its cycle. */
    public IntegerProperty wallCycleSecondsProperty() {
        return wallCycleSeconds;
    }

    /**
     * Whether the embedded local master raises alerts; kept with the profile's alert setting (the
     * window's context wires it), since its profile dialog has nothing to set.
     */
    public BooleanProperty localAlertsProperty() {
        return localAlerts;
    }

    /** Serve the fleet's metrics for Prometheus (off unless turned on). */
    public BooleanProperty metricsOnProperty() {
        return metricsOn;
    }

    /** Where to serve them, {@code host:port}; loopback unless {@link #metricsAnyHostProperty}. */
    public StringProperty metricsListenProperty() {
        return metricsListen;
    }

    /** Allow a listen address other hosts can reach (the metrics name every node and service). */
    public BooleanProperty metricsAnyHostProperty() {
        return metricsAnyHost;
    }

    /** What serving the metrics gives: off, listening on …, or why not and what to do (set by the server). */
    public StringProperty metricsStateProperty() {
        return metricsState;
    }

    /** The thresholds in use; any thread. */
    public HealthThresholds thresholds() {
        return thresholds;
    }

    /** Where the application keeps its database and files; empty when nothing is kept. */
    public Optional<Path> dataFolder() {
        return dataFolder;
    }

    private void load() {
        Map<String, String> saved;
        try {
            saved = store.load();
        } catch (StoreException e) {
            LOG.warn("the saved settings cannot be read, the defaults apply: {}", e.getMessage());
            return;
        }
        dark.set("dark".equals(saved.get(THEME)));
        density.set("compact".equals(saved.get(DENSITY)) ? Density.COMPACT : Density.NORMAL);
        number(saved, REFRESH).filter(n -> n >= 0).ifPresent(refreshSeconds::set);
        Optional<Integer> warning = number(saved, WARNING);
        Optional<Integer> error = number(saved, ERROR);
        number(saved, RETENTION).filter(n -> n >= 1).ifPresent(retentionDays::set);
        number(saved, WALL_CYCLE).filter(n -> n >= 5).ifPresent(wallCycleSeconds::set);
        metricsOn.set("true".equals(saved.get(METRICS_ON)));
        Optional.ofNullable(saved.get(METRICS_LISTEN)).filter(t -> !t.isBlank()).ifPresent(metricsListen::set);
        metricsAnyHost.set("true".equals(saved.get(METRICS_ANY_HOST)));
        warning.ifPresent(warningSeconds::set);
        error.ifPresent(errorSeconds::set);
        useThresholds();
    }

    private static Optional<Integer> number(Map<String, String> saved, String name) {
        try {
            return Optional.ofNullable(saved.get(name)).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void thresholdsChanged(String name, int seconds) {
        if (useThresholds()) {
            save(WARNING, String.valueOf(warningSeconds.get()));
            save(ERROR, String.valueOf(errorSeconds.get()));
        } else {
            LOG.debug("threshold {} = {} s not used: {}", name, seconds, thresholdProblem.get());
        }
    }

    /** Takes the typed thresholds when they make sense; says why not otherwise. */
    private boolean useThresholds() {
        try {
            thresholds = new HealthThresholds(
                    Duration.ofSeconds(warningSeconds.get()), Duration.ofSeconds(errorSeconds.get()));
            thresholdProblem.set("");
            return true;
        } catch (IllegalArgumentException e) {
            thresholdProblem.set("Not used: red must come after yellow, and both after more than 0 s.");
            return false;
        }
    }

    private void save(String name, String value) {
        if (!saving) {
            return;
        }
        try {
            store.save(name, value);
        } catch (StoreException e) {
            LOG.warn("the setting {} cannot be saved: {}", name, e.getMessage());
        }
    }
}
