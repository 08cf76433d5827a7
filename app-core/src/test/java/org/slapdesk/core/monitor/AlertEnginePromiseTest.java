package org.slapdesk.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Promise alerts: a promise turning ERROR alerts once; what is failing at the first read does not. */
class AlertEnginePromiseTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private static ServicePromises shop(PromiseStatus disk, PromiseStatus port) {
        return new ServicePromises(
                "shop",
                "https://[fd00::1]:8196",
                List.of(promise("check-free-disk", disk), promise("check-port", port)),
                Optional.empty(),
                T0);
    }

    private static PromiseResult promise(String name, PromiseStatus status) {
        return new PromiseResult(
                name, "shop", status, status + " message", Optional.of(T0), Optional.empty(), List.of());
    }

    @Test
    void aPromiseTurningErrorAlertsOnceAndAnUnreadableMonitorChangesNothing() {
        AlertEngine alerts = new AlertEngine("lab", AlertOptions.defaults(), Clock.systemUTC());

        assertThat(alerts.onPromises(List.of(shop(PromiseStatus.OK, PromiseStatus.ERROR))))
                .as("already failing at the first read")
                .isEmpty();
        List<Alert> raised = alerts.onPromises(List.of(shop(PromiseStatus.ERROR, PromiseStatus.ERROR)));
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Promise check-free-disk (shop, shop) turned red on lab");
            assertThat(a.text()).isEqualTo("ERROR: ERROR message");
        });
        assertThat(alerts.onPromises(
                        List.of(ServicePromises.unreadable("shop", "https://[fd00::1]:8196", "timeout", T0))))
                .isEmpty();
        assertThat(alerts.onPromises(List.of(shop(PromiseStatus.ERROR, PromiseStatus.ERROR))))
                .as("still failing")
                .isEmpty();
        alerts.onPromises(List.of(shop(PromiseStatus.OK, PromiseStatus.ERROR)));
        assertThat(alerts.onPromises(List.of(shop(PromiseStatus.ERROR, PromiseStatus.ERROR))))
                .hasSize(1);
        assertThat(alerts.history()).hasSize(2);
    }
}
