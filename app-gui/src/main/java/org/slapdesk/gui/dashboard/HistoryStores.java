package org.slapdesk.gui.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.monitor.HealthHistoryStore;
import org.slapdesk.core.monitor.HistoryOptions;
import org.slapdesk.core.store.AppStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health history of each profile, in the application's database, opened on first use and
 * kept until the window closes; without a database there is no history (and the chart says so).
 */
public final class HistoryStores implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStores.class);

    private final Optional<AppStore> store;
    private final Clock clock;
    private final Map<String, HealthHistoryStore> open = new HashMap<>();
    private HistoryOptions options = HistoryOptions.defaults();

    private HistoryStores(Optional<AppStore> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public static HistoryStores none() {
        return new HistoryStores(Optional.empty(), Clock.systemUTC());
    }

    public static HistoryStores in(AppStore store, Clock clock) {
        return new HistoryStores(Optional.of(store), clock);
    }

    public synchronized Optional<HealthHistoryStore> of(String profile) {
        if (store.isEmpty() || profile == null) {
            return Optional.empty();
        }
        HealthHistoryStore history = open.get(profile);
        if (history == null) {
            try {
                history = HealthHistoryStore.open(store.get(), profile, options, clock);
            } catch (RuntimeException e) {
                LOG.warn("no health history for profile {}: {}", profile, e.toString());
                return Optional.empty();
            }
            open.put(profile, history);
        }
        return Optional.of(history);
    }

    /** Keeps the history for {@code retention}: the histories open now, and those opened later. */
    public synchronized void useRetention(Duration retention) {
        options = options.withRetention(retention);
        open.values().forEach(history -> history.useRetention(retention));
    }

    /** Where the profile's fleet state hands each complete refresh. */
    public HealthRecorder recorderFor(String profile) {
        return of(profile).map(HealthRecorder::to).orElse(HealthRecorder.none());
    }

    @Override
    public synchronized void close() {
        open.values().forEach(HealthHistoryStore::close);
        open.clear();
    }
}
