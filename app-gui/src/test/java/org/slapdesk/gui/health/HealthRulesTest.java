package org.slapdesk.gui.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.gui.FakeMaster;

/** The panel's thresholds: 0.0025 day (216 s) late, 0.005 day (432 s) lost. */
class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private final HealthRules rules = new HealthRules(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Optional<AccessStatus> status(String text, long secondsAgo) {
        Instant at = NOW.minusSeconds(secondsAgo);
        return Optional.of(new AccessStatus(text, at, at));
    }

    @Test
    void nodesTurnYellowAfter216SecondsAndRedAfter432() {
        assertThat(rules.node(status("#access ok", 215)).level()).isEqualTo(Health.Level.GREEN);
        assertThat(rules.node(status("#access ok", 217)).level()).isEqualTo(Health.Level.YELLOW);
        assertThat(rules.node(status("#access ok", 431)).level()).isEqualTo(Health.Level.YELLOW);
        assertThat(rules.node(status("#access ok", 433)).level()).isEqualTo(Health.Level.RED);
        assertThat(rules.node(status("#error disk full", 1)).level()).isEqualTo(Health.Level.RED);
        assertThat(rules.node(Optional.empty()).level()).isEqualTo(Health.Level.GREY);
    }

    @Test
    void installationsAreAvailableBuildingOrError() {
        assertThat(rules.installation(new SoftwareInstallation("u", "n", "available", status("#access done", 9))))
                .isEqualTo(Health.green("Available"));
        assertThat(rules.installation(new SoftwareInstallation("u", "n", "available", status("#building", 9))).level())
                .isEqualTo(Health.Level.GREY);
        assertThat(rules.installation(new SoftwareInstallation("u", "n", "available", status("#error fail", 9))).level())
                .isEqualTo(Health.Level.RED);
    }

    @Test
    void instancesStoppedOrSharedAreGreyOtherwiseTheirStatusDecides() {
        assertThat(rules.instance(instance(RequestedState.STOPPED, false, status("#access", 1))).reason()).isEqualTo("stopped");
        assertThat(rules.instance(instance(RequestedState.STARTED, true, status("#access", 1))).level()).isEqualTo(Health.Level.GREY);
        assertThat(rules.instance(instance(RequestedState.STARTED, false, status("#access", 1))).level()).isEqualTo(Health.Level.GREEN);
        assertThat(rules.instance(instance(RequestedState.STARTED, false, status("#error promise", 1))).level()).isEqualTo(Health.Level.RED);
    }

    @Test
    void aServiceIsRedWhenAnyInstanceErrsOrWhenItHasNone() {
        ServiceDetail ok = FakeMaster.service("s", "u", Map.of(), Map.of(), status("#access", 1));
        assertThat(rules.service(ok).level()).isEqualTo(Health.Level.GREEN);
        ServiceDetail empty = new ServiceDetail(ok.tree(), List.of());
        assertThat(rules.service(empty).reason()).startsWith("Empty");
        ServiceDetail failing = new ServiceDetail(ok.tree(), List.of(ok.instances().get(0),
                instance(RequestedState.STARTED, false, status("#error slave", 1))));
        assertThat(rules.service(failing).level()).isEqualTo(Health.Level.RED);
    }

    private static SoftwareInstance instance(RequestedState state, boolean shared, Optional<AccessStatus> status) {
        return new SoftwareInstance("i", Optional.empty(), "u", "default", state, shared, Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), List.of(), status);
    }
}
