package org.slapdesk.gui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.RefreshProgress.Phase;
import org.slapdesk.gui.util.Times;

class RefreshStatusTextTest {

    private static final Instant DONE = Instant.parse("2026-12-07T06:03:36Z");

    @Test
    void aRunningRefreshSaysHowFarItIsAndThatNoneFinishedYet() {
        RefreshProgress reading = new RefreshProgress(Phase.READING, 120, 1000, 0, Optional.empty(), Optional.empty());
        assertThat(RefreshStatusText.of(reading)).isEqualTo("servers read: 120 of 1000 — no complete refresh yet");
    }

    @Test
    void aPartialRefreshIsShownAsPartialWithTheLastCompleteOne() {
        RefreshProgress partial =
                new RefreshProgress(Phase.PARTIAL, 1000, 1000, 3, Optional.of(DONE), Optional.of("node COMP-7: 500"));
        assertThat(RefreshStatusText.of(partial))
                .isEqualTo("partial: 3 servers could not be read — last complete refresh " + Times.clock(DONE));
    }

    @Test
    void onlyACompleteRefreshIsCalledLastCompleteRefresh() {
        RefreshProgress complete =
                new RefreshProgress(Phase.COMPLETE, 1000, 1000, 0, Optional.of(DONE), Optional.empty());
        assertThat(RefreshStatusText.of(complete)).isEqualTo("last complete refresh " + Times.clock(DONE));
        RefreshProgress failedFirst =
                new RefreshProgress(Phase.FAILED, 0, 0, 0, Optional.empty(), Optional.of("connection refused"));
        assertThat(RefreshStatusText.of(failedFirst))
                .isEqualTo("refresh failed: connection refused — no complete refresh yet");
    }
}
