package org.slapdesk.gui.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.RequestedState;

/** The word beside the health dot, for the states the health rules give. */
class HealthViewsTest {

    private final HealthRules rules = new HealthRules(Clock.systemUTC());

    @Test
    void aStoppedServiceReadsStoppedNotNoData() {
        assertThat(HealthViews.label(rules.instanceTree(false, RequestedState.STOPPED, List.of())))
                .isEqualTo("stopped");
        assertThat(HealthViews.label(rules.instanceTree(false, RequestedState.DESTROYED, List.of())))
                .isEqualTo("destroyed");
    }

    @Test
    void aServiceThatNeverReportedStillReadsNoData() {
        assertThat(HealthViews.label(rules.instance(Optional.empty(), false, RequestedState.STARTED)))
                .isEqualTo("no data");
    }

    @Test
    void aBuildingReleaseReadsBuilding() {
        assertThat(HealthViews.label(rules.softwareInstallation(
                        Optional.of(new AccessStatus("#building software release https://x", null, null)))))
                .isEqualTo("building");
    }
}
