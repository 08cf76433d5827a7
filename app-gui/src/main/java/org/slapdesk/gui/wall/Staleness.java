package org.slapdesk.gui.wall;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.gui.dashboard.Ages;
import org.slapdesk.gui.session.ConnectionState;

/**
 * Whether what a wall shows can still be trusted: a master that stopped answering, a refresh
 * that failed or read only part of the fleet, or no complete refresh for three refresh periods.
 */
public final class Staleness {

    /** Below this a slow refresh is not called stale, whatever the refresh period. */
    private static final Duration MINIMUM_PATIENCE = Duration.ofSeconds(60);

    private Staleness() {}

    public static Optional<String> warning(
            ConnectionState state, String detail, RefreshProgress progress, Duration refreshEvery, Instant now) {
        switch (state) {
            case NO_MASTER:
                return Optional.of("No master configured");
            case UNREACHABLE:
            case FAILED:
                return Optional.of("The master does not answer: " + detail);
            default:
                break;
        }
        if (progress.phase() == RefreshProgress.Phase.FAILED) {
            return Optional.of("The last refresh failed"
                    + progress.problem().map(p -> ": " + p).orElse(""));
        }
        if (progress.phase() == RefreshProgress.Phase.PARTIAL) {
            return Optional.of(progress.nodesFailed() + " of " + progress.nodesListed() + " servers could not be read");
        }
        Duration patience = refreshEvery.multipliedBy(3);
        if (patience.compareTo(MINIMUM_PATIENCE) < 0) {
            patience = MINIMUM_PATIENCE;
        }
        Optional<Instant> last = progress.lastCompleteRefresh();
        if (last.isPresent() && Duration.between(last.get(), now).compareTo(patience) > 0) {
            return Optional.of("No complete refresh for " + Ages.between(last.get(), now));
        }
        return Optional.empty();
    }
}
