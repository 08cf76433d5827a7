package org.slapdesk.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.Health;

/** A failing promise counts in its service's colour, with the promise's message as the reason. */
class ServiceHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static ServicePromises with(PromiseStatus status, String message) {
        PromiseResult promise = new PromiseResult(
                "check-free-disk", "shop", status, message, Optional.of(NOW), Optional.of(NOW), List.of());
        return new ServicePromises("shop", "https://monitor.lab/", List.of(promise), Optional.empty(), NOW);
    }

    @Test
    void aPromiseInErrorTurnsAGreenServiceRedWithItsMessage() {
        Health health = ServiceHealth.withPromises(
                Health.green("started"), Optional.of(with(PromiseStatus.ERROR, "only 2% of /srv is free")));

        assertThat(health.level()).isEqualTo(Health.Level.RED);
        assertThat(health.reason()).contains("check-free-disk").contains("only 2% of /srv is free");
    }

    @Test
    void aWarningOrAnUnreadableMonitorIsYellowAndNeverHidesTheMastersRed() {
        assertThat(ServiceHealth.withPromises(Health.green("started"), Optional.of(with(PromiseStatus.WARNING, "slow")))
                        .level())
                .isEqualTo(Health.Level.YELLOW);
        assertThat(ServiceHealth.withPromises(
                                Health.green("started"),
                                Optional.of(ServicePromises.unreadable("shop", "https://m/", "401", NOW)))
                        .level())
                .isEqualTo(Health.Level.YELLOW);
        Health red = Health.red("#error buildout failed");
        assertThat(ServiceHealth.withPromises(red, Optional.of(with(PromiseStatus.ERROR, "disk"))))
                .isEqualTo(red);
    }

    @Test
    void allOkOrNoMonitorLeavesTheMastersColourAndAStoppedServiceStaysGrey() {
        Health green = Health.green("started");
        assertThat(ServiceHealth.withPromises(green, Optional.of(with(PromiseStatus.OK, "fine"))))
                .isEqualTo(green);
        assertThat(ServiceHealth.withPromises(green, Optional.empty())).isEqualTo(green);
        Health stopped = Health.grey("stopped");
        assertThat(ServiceHealth.withPromises(stopped, Optional.of(with(PromiseStatus.ERROR, "disk"))))
                .isEqualTo(stopped);
    }
}
