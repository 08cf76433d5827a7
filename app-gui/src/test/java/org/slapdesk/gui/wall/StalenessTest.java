package org.slapdesk.gui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.gui.session.ConnectionState;

class StalenessTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration EVERY_10_S = Duration.ofSeconds(10);

    @Test
    void aFreshCompleteRefreshIsNotStale() {
        assertThat(Staleness.warning(ConnectionState.CONNECTED, "", complete(NOW.minusSeconds(20)), EVERY_10_S, NOW))
                .isEmpty();
    }

    @Test
    void aMasterThatDoesNotAnswerIsStale() {
        assertThat(Staleness.warning(
                        ConnectionState.UNREACHABLE,
                        "connection refused",
                        complete(NOW.minusSeconds(5)),
                        EVERY_10_S,
                        NOW))
                .contains("The master does not answer: connection refused");
    }

    @Test
    void noCompleteRefreshForThreePeriodsIsStaleButNeverUnderAMinute() {
        assertThat(Staleness.warning(ConnectionState.CONNECTED, "", complete(NOW.minusSeconds(59)), EVERY_10_S, NOW))
                .isEmpty();
        assertThat(Staleness.warning(ConnectionState.CONNECTED, "", complete(NOW.minusSeconds(61)), EVERY_10_S, NOW))
                .contains("No complete refresh for 1 min");
        assertThat(Staleness.warning(
                        ConnectionState.CONNECTED, "", complete(NOW.minusSeconds(170)), Duration.ofSeconds(60), NOW))
                .isEmpty();
    }

    @Test
    void aPartialOrFailedRefreshIsStale() {
        RefreshProgress partial =
                new RefreshProgress(RefreshProgress.Phase.PARTIAL, 8, 10, 2, Optional.of(NOW), Optional.of("timeout"));
        assertThat(Staleness.warning(ConnectionState.CONNECTED, "", partial, EVERY_10_S, NOW))
                .contains("2 of 10 servers could not be read");
    }

    private static RefreshProgress complete(Instant at) {
        return new RefreshProgress(RefreshProgress.Phase.COMPLETE, 3, 3, 0, Optional.of(at), Optional.empty());
    }
}
