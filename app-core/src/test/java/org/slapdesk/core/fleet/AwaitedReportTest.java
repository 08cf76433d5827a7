package org.slapdesk.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.AwaitedReports;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;

/**
 * A just-requested service whose node has not reported yet is grey "waiting" over the refreshes
 * of one fleet until a silent node would be red; then it is red as the master's "no data" says.
 */
class AwaitedReportTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final HealthRules rules = new HealthRules(clock);
    private final AwaitedReports awaited = new AwaitedReports();

    private Health shopAfterARefresh(Optional<AccessStatus> rootStatus) {
        ComputeNode node =
                new ComputeNode("COMP-1", "COMP-1", Optional.of(new AccessStatus("#access ok", now.get(), now.get())));
        ComputePartition root = new ComputePartition(
                "slappart0",
                "COMP-1",
                PartitionState.BUSY,
                Optional.of("shop"),
                Optional.of("https://lab/shop.cfg"),
                Optional.of(RequestedState.STARTED),
                rootStatus);
        InstanceTree shop = new InstanceTree(
                "shop",
                "https://lab/shop.cfg",
                Optional.empty(),
                Optional.of(RequestedState.STARTED),
                false,
                Optional.empty());
        return new SnapshotBuilder(rules, awaited)
                .node(new ComputeNodeDetail(node, List.of(root), List.of()))
                .services(List.of(shop))
                .build(now.get(), true)
                .services()
                .get("shop")
                .health();
    }

    @Test
    void aServiceNeverReportedWaitsGreyUntilASilentNodeWouldBeRed() {
        Health first = shopAfterARefresh(Optional.empty());
        assertThat(first.level()).isEqualTo(Health.Level.GREY);
        assertThat(first.reason()).startsWith("Waiting for its node's first report");

        now.set(T0.plus(Duration.ofMinutes(5)));
        assertThat(shopAfterARefresh(Optional.empty()).level())
                .as("5 min: its node may not have run yet")
                .isEqualTo(Health.Level.GREY);

        now.set(T0.plus(HealthRules.ERROR_AFTER));
        Health late = shopAfterARefresh(Optional.empty());
        assertThat(late.level()).isEqualTo(Health.Level.RED);
        assertThat(late.reason()).contains("no data found");
    }

    @Test
    void anErrorIsRedAtOnceAndAReportEndsTheWait() {
        AccessStatus error = new AccessStatus("#error buildout failed", T0, T0);
        assertThat(shopAfterARefresh(Optional.of(error)).level()).isEqualTo(Health.Level.RED);

        assertThat(shopAfterARefresh(Optional.empty()).level()).isEqualTo(Health.Level.GREY);
        now.set(T0.plus(Duration.ofMinutes(3)));
        AccessStatus started = new AccessStatus("#access started", now.get(), now.get());
        assertThat(shopAfterARefresh(Optional.of(started)).level()).isEqualTo(Health.Level.GREEN);
        now.set(T0.plus(Duration.ofMinutes(4)));
        assertThat(shopAfterARefresh(Optional.empty()).level())
                .as("a new wait starts from now, not from the first one")
                .isEqualTo(Health.Level.GREY);
        now.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(shopAfterARefresh(Optional.empty()).level()).isEqualTo(Health.Level.GREY);
    }
}
