package org.slapdesk.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.Health.Level;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.RequestedState;

class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final HealthRules rules = new HealthRules(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Optional<AccessStatus> status(String text, Duration age) {
        return Optional.of(new AccessStatus(text, NOW.minus(age), NOW.minus(age)));
    }

    private static Optional<AccessStatus> status(String text) {
        return status(text, Duration.ZERO);
    }

    @Test
    void thresholdsAreTheMastersDayFractions() {
        assertThat(HealthRules.WARNING_AFTER.toMillis()).isEqualTo(Math.round(0.0025 * 86_400_000));
        assertThat(HealthRules.ERROR_AFTER.toMillis()).isEqualTo(Math.round(0.005 * 86_400_000));
        assertThat(HealthRules.WARNING_AFTER)
                .isEqualTo(Duration.ofSeconds(216))
                .isEqualTo(Duration.ofMillis(3 * 60_000 + 36_000));
        assertThat(HealthRules.ERROR_AFTER).isEqualTo(Duration.ofMinutes(7).plusSeconds(12));
    }

    @Test
    void nodeAgesFromGreenToYellowToRedAtBothSidesOfEachBoundary() {
        Duration oneMilli = Duration.ofMillis(1);
        assertThat(rules.node(status("#access COMP-1", Duration.ZERO)).level()).isEqualTo(Level.GREEN);
        assertThat(rules.node(status("#access COMP-1", HealthRules.WARNING_AFTER))
                        .level())
                .isEqualTo(Level.GREEN);
        Health justWarning = rules.node(status("#access COMP-1", HealthRules.WARNING_AFTER.plus(oneMilli)));
        assertThat(justWarning.level()).isEqualTo(Level.YELLOW);
        assertThat(justWarning.reason()).contains("3.6 minutes").contains("for 3 min 36 s");
        assertThat(rules.node(status("#access COMP-1", HealthRules.ERROR_AFTER)).level())
                .isEqualTo(Level.YELLOW);
        Health justError = rules.node(status("#access COMP-1", HealthRules.ERROR_AFTER.plus(oneMilli)));
        assertThat(justError.level()).isEqualTo(Level.RED);
        assertThat(justError.reason()).isEqualTo("No contact from the node for 7 min 12 s (more than 7.2 minutes)");
        assertThat(rules.node(status("#access COMP-1", Duration.ofDays(3))).reason())
                .contains("3 days");
    }

    @Test
    void nodeOtherTextsAndNoData() {
        assertThat(rules.node(Optional.empty())).isEqualTo(Health.grey("The node has never contacted the master"));
        assertThat(rules.node(status("#error bang called: disk full")))
                .isEqualTo(Health.red("The node reports: #error bang called: disk full"));
        assertThat(rules.node(status("#building something")).level()).isEqualTo(Level.RED);
        assertThat(rules.node(status("")).level()).isEqualTo(Level.GREY);
        assertThat(rules.node(Optional.of(new AccessStatus("#access x", null, null)))
                        .level())
                .isEqualTo(Level.GREEN);
    }

    @Test
    void softwareInstallation() {
        assertThat(rules.softwareInstallation(status("#access software release https://x available")))
                .isEqualTo(Health.green("Available"));
        assertThat(rules.softwareInstallation(status("#building software release https://x")))
                .isEqualTo(Health.grey("Building"));
        assertThat(rules.softwareInstallation(status("#error while installing https://x")))
                .isEqualTo(Health.red("Error: #error while installing https://x"));
        assertThat(rules.softwareInstallation(Optional.empty()).level()).isEqualTo(Level.GREY);
        // an installation's age does not matter, only a node's
        assertThat(rules.softwareInstallation(status("#access ok", Duration.ofDays(30)))
                        .level())
                .isEqualTo(Level.GREEN);
    }

    @Test
    void instanceAccessWinsOverItsState() {
        Optional<AccessStatus> ok = status("#access Instance correctly started");
        Optional<AccessStatus> error = status("#error while instanciating: buildout failed");
        assertThat(rules.instance(ok, false, RequestedState.STARTED).level()).isEqualTo(Level.GREEN);
        assertThat(rules.instance(ok, true, RequestedState.STOPPED).level()).isEqualTo(Level.GREEN);
        assertThat(rules.instance(error, false, RequestedState.STARTED))
                .isEqualTo(Health.red("The instance reports: #error while instanciating: buildout failed"));
        assertThat(rules.instance(error, true, RequestedState.STARTED)).isEqualTo(Health.grey("Shared instance"));
        assertThat(rules.instance(error, false, RequestedState.STOPPED)).isEqualTo(Health.grey("Stopped"));
        assertThat(rules.instance(error, false, RequestedState.DESTROYED)).isEqualTo(Health.grey("Destroyed"));
        assertThat(rules.instance(Optional.empty(), false, RequestedState.STARTED)
                        .level())
                .isEqualTo(Level.GREY);
        assertThat(rules.instance(status("#building x"), false, RequestedState.STARTED)
                        .level())
                .isEqualTo(Level.RED);
    }

    @Test
    void instanceTree() {
        Optional<AccessStatus> ok = status("#access Instance correctly started");
        Optional<AccessStatus> error = status("#error bang called: watchdog");
        assertThat(rules.instanceTree(false, RequestedState.STARTED, List.of(ok, ok))
                        .level())
                .isEqualTo(Level.GREEN);
        Health red = rules.instanceTree(false, RequestedState.STARTED, List.of(ok, error));
        assertThat(red.level()).isEqualTo(Level.RED);
        assertThat(red.reason()).isEqualTo("1 of 2 instances report an error: #error bang called: watchdog");
        assertThat(rules.instanceTree(false, RequestedState.STARTED, List.of(ok, Optional.empty()))
                        .level())
                .isEqualTo(Level.RED);
        assertThat(rules.instanceTree(false, RequestedState.STARTED, List.of(ok, status("#building x")))
                        .level())
                .isEqualTo(Level.GREEN);
        assertThat(rules.instanceTree(true, RequestedState.STARTED, List.of(error))
                        .level())
                .isEqualTo(Level.GREY);
        assertThat(rules.instanceTree(false, RequestedState.STOPPED, List.of(error)))
                .isEqualTo(Health.grey("Stopped"));
        assertThat(rules.instanceTree(false, RequestedState.DESTROYED, List.of(error)))
                .isEqualTo(Health.grey("Destroyed"));
        assertThat(rules.instanceTree(false, RequestedState.STARTED, null).level())
                .isEqualTo(Level.GREY);
        assertThat(rules.instanceTree(false, RequestedState.STARTED, List.of()).level())
                .isEqualTo(Level.GREEN);
    }
}
