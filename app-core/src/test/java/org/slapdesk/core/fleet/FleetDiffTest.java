package org.slapdesk.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.InstanceTree;

class FleetDiffTest {

    private static final Instant AT = Instant.parse("2026-12-07T07:00:00Z");

    @Test
    void addedChangedAndRemovedAreReportedPerKindWithTheHealthTransition() {
        FleetSnapshot before = snapshot(
                Map.of(
                        "a", node("a", "#access a", Health.green("ok")),
                        "b", node("b", "#access b", Health.green("ok")),
                        "c", node("c", "#access c", Health.green("ok"))),
                Map.of("s", service("s")));
        FleetSnapshot after = snapshot(
                Map.of(
                        "a", node("a", "#access a", Health.green("ok")),
                        "b", node("b", "#error disk full", Health.red("The node reports: #error disk full")),
                        "d", node("d", "#access d", Health.green("ok"))),
                Map.of("s", service("s")));

        FleetDiff diff = FleetDiff.between(before, after);

        assertThat(diff.changes())
                .extracting(FleetChange::kind, FleetChange::type, FleetChange::key)
                .containsExactlyInAnyOrder(
                        tuple(FleetKind.NODE, FleetChange.Type.CHANGED, "b"),
                        tuple(FleetKind.NODE, FleetChange.Type.ADDED, "d"),
                        tuple(FleetKind.NODE, FleetChange.Type.REMOVED, "c"));
        assertThat(diff.transitions()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("b");
            assertThat(t.from().level()).isEqualTo(Health.Level.GREEN);
            assertThat(t.to().level()).isEqualTo(Health.Level.RED);
        });
        FleetChange removed = diff.changes().stream()
                .filter(c -> c.type() == FleetChange.Type.REMOVED)
                .findFirst()
                .orElseThrow();
        assertThat(removed.before()).isPresent();
        assertThat(removed.after()).isEmpty();
    }

    @Test
    void aReasonThatOnlyAgesIsNotAChange() {
        FleetSnapshot before = snapshot(
                Map.of("a", node("a", "#access a", Health.green("The node contacted the master 12 s ago"))), Map.of());
        FleetSnapshot after = snapshot(
                Map.of("a", node("a", "#access a", Health.green("The node contacted the master 14 s ago"))), Map.of());

        assertThat(FleetDiff.between(before, after).changes()).isEmpty();
    }

    @Test
    void aColourChangeAloneIsAChangeAndATransition() {
        FleetSnapshot before = snapshot(Map.of("a", node("a", "#access a", Health.green("recent"))), Map.of());
        FleetSnapshot after = snapshot(Map.of("a", node("a", "#access a", Health.yellow("silent 4 min"))), Map.of());

        FleetDiff diff = FleetDiff.between(before, after);

        assertThat(diff.changes()).extracting(FleetChange::type).containsExactly(FleetChange.Type.CHANGED);
        assertThat(diff.transitions()).extracting(t -> t.to().level()).containsExactly(Health.Level.YELLOW);
    }

    @Test
    void theDiffOverTheKeysAReadTouchedIsTheDiffOverEverything() {
        FleetSnapshot before = snapshot(
                Map.of(
                        "a", node("a", "#access a", Health.green("ok")),
                        "b", node("b", "#access b", Health.green("ok")),
                        "c", node("c", "#access c", Health.green("ok"))),
                Map.of("s", service("s")));
        FleetSnapshot after = snapshot(
                Map.of(
                        "a", node("a", "#access a", Health.green("ok")),
                        "b", node("b", "#error disk full", Health.red("The node reports: #error disk full")),
                        "d", node("d", "#access d", Health.green("ok"))),
                Map.of());

        FleetDiff touched = FleetDiff.between(before, after, Map.of(FleetKind.NODE, Set.of("a", "b", "c", "d", "e")));

        FleetDiff whole = FleetDiff.between(before, after);
        assertThat(touched.changes()).containsExactlyInAnyOrderElementsOf(whole.changes());
        assertThat(touched.transitions()).containsExactlyInAnyOrderElementsOf(whole.transitions());
        assertThat(FleetDiff.between(before, after, Map.of(FleetKind.NODE, Set.of("a")))
                        .changes())
                .as("only the keys named, for the kinds named")
                .extracting(FleetChange::kind)
                .containsExactly(FleetKind.INSTANCE_TREE);
    }

    private static Tracked<ComputeNode> node(String reference, String status, Health health) {
        return new Tracked<>(
                new ComputeNode(reference, reference, Optional.of(new AccessStatus(status, AT, AT))), health);
    }

    private static Tracked<InstanceTree> service(String title) {
        return new Tracked<>(
                new InstanceTree(
                        title, "https://lab/software.cfg", Optional.empty(), Optional.empty(), false, Optional.empty()),
                Health.grey("not known"));
    }

    private static FleetSnapshot snapshot(
            Map<String, Tracked<ComputeNode>> nodes, Map<String, Tracked<InstanceTree>> services) {
        return new FleetSnapshot(nodes, Map.of(), Map.of(), services, Optional.of(AT), true);
    }
}
