package org.slapdesk.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;

/** The order and the "since" rules of "what is wrong now", on a snapshot made by hand. */
class WhatIsWrongTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static Tracked<ComputeNode> node(String reference, AccessStatus status, Health health) {
        return new Tracked<>(new ComputeNode(reference, "server " + reference, Optional.of(status)), health);
    }

    @Test
    void redComesFirstThenTheOldestWithTheMastersSinceForErrorsAndTheLastContactForSilence() {
        Map<String, Tracked<ComputeNode>> nodes = Map.of(
                "COMP-1",
                node("COMP-1", new AccessStatus("#access COMP-1", T0, T0), Health.green("ok")),
                "COMP-2",
                node(
                        "COMP-2",
                        new AccessStatus("#error disk full", T0.plusSeconds(50), T0.minusSeconds(3600)),
                        Health.red("The node reports: #error disk full")),
                "COMP-3",
                node(
                        "COMP-3",
                        new AccessStatus("#access COMP-3", T0.minusSeconds(240), T0.minusSeconds(9000)),
                        Health.yellow("No contact from the node for 4 minutes")));
        FleetSnapshot snapshot = new FleetSnapshot(nodes, Map.of(), Map.of(), Map.of(), Optional.of(T0), true);
        PromiseResult failing = new PromiseResult(
                "check-free-disk",
                "shop-db",
                PromiseStatus.ERROR,
                "only 2% free",
                Optional.of(T0),
                Optional.of(T0.minusSeconds(600)),
                List.of());
        PromiseResult fine = new PromiseResult(
                "check-port", "shop-db", PromiseStatus.OK, "", Optional.of(T0), Optional.empty(), List.of());
        List<ServicePromises> promises = List.of(
                new ServicePromises("shop", "https://[fd00::1]:8196", List.of(failing, fine), Optional.empty(), T0),
                ServicePromises.unreadable("blog", "https://[fd00::2]:8196", "401 wrong password", T0));
        ObjectRef comp3 = new ObjectRef(ObjectRef.Kind.NODE, "COMP-3");

        List<WrongItem> wrong = WhatIsWrong.list(
                "lab",
                snapshot,
                promises,
                ref -> ref.equals(comp3) ? Optional.of(T0.minusSeconds(20)) : Optional.empty());

        assertThat(wrong)
                .extracting(WrongItem::title)
                .containsExactly(
                        "server COMP-2", "check-free-disk (shop, shop-db)", "server COMP-3", "monitor of blog");
        assertThat(wrong.get(0).since()).as("the master's since for an error").contains(T0.minusSeconds(3600));
        assertThat(wrong.get(1).text()).isEqualTo("ERROR: only 2% free");
        assertThat(wrong.get(1).link()).isEqualTo(new LinkTarget("lab", ObjectRef.Kind.INSTANCE_TREE, "shop"));
        assertThat(wrong.get(1).object())
                .isEqualTo(new ObjectRef(ObjectRef.Kind.PROMISE, "shop/shop-db/check-free-disk"));
        assertThat(wrong.get(2).since())
                .as("silence: since the last contact, not when the history first saw it")
                .contains(T0.minusSeconds(240));
        assertThat(wrong.get(3).level()).isEqualTo(Health.Level.YELLOW);
        assertThat(wrong.get(3).since()).isEmpty();
        assertThat(wrong.get(3).text()).contains("401 wrong password");
    }
}
