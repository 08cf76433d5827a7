package org.slapdesk.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.model.AccessStatus;

class HealthThresholdsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Optional<AccessStatus> contactedAgo(Duration age) {
        return Optional.of(new AccessStatus("#access ok", NOW.minus(age), NOW.minus(age)));
    }

    @Test
    void theOperatorsThresholdsDecideTheColourAndAreQuotedInTheReason() {
        AtomicReference<HealthThresholds> chosen = new AtomicReference<>(HealthThresholds.MASTER);
        HealthRules rules = new HealthRules(Clock.fixed(NOW, ZoneOffset.UTC), chosen::get);
        Optional<AccessStatus> sixMinutes = contactedAgo(Duration.ofMinutes(6));
        assertThat(rules.node(sixMinutes).level()).isEqualTo(Health.Level.YELLOW);
        assertThat(rules.node(sixMinutes).reason()).endsWith("(more than 3.6 minutes)");

        chosen.set(new HealthThresholds(Duration.ofMinutes(10), Duration.ofMinutes(30)));
        assertThat(rules.node(sixMinutes).level()).as("read again on each use").isEqualTo(Health.Level.GREEN);
        Health late = rules.node(contactedAgo(Duration.ofMinutes(31)));
        assertThat(late.level()).isEqualTo(Health.Level.RED);
        assertThat(late.reason()).endsWith("(more than 30 minutes)");
    }

    @Test
    void theErrorThresholdCannotComeBeforeTheWarningOne() {
        assertThatThrownBy(() -> new HealthThresholds(Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not come before");
    }
}
