package org.slapdesk.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.health.HealthSample.ObjectRef.Kind;

class HealthHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final ObjectRef NODE = new ObjectRef(Kind.NODE, "COMP-1");
    private static final ObjectRef TREE = new ObjectRef(Kind.INSTANCE_TREE, "my-service");

    @Test
    void keepsTheLastSamplesOfEachObject() {
        HealthHistory history = new HealthHistory(3, 10);
        for (int i = 0; i < 5; i++) {
            history.record(T0.plusSeconds(60L * i), NODE, i < 3 ? Health.green("ok") : Health.yellow("late"));
        }
        assertThat(history.samples(NODE))
                .extracting(HealthSample::at)
                .containsExactly(T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240));
        assertThat(history.latest(NODE).orElseThrow().health().level()).isEqualTo(Health.Level.YELLOW);
        assertThat(history.changes(NODE))
                .extracting(s -> s.health().level())
                .containsExactly(Health.Level.GREEN, Health.Level.YELLOW);
        assertThat(history.samplesSince(NODE, T0.plusSeconds(180))).hasSize(2);
        assertThat(history.samples(TREE)).isEmpty();
        assertThat(history.latest(TREE)).isEmpty();
    }

    @Test
    void dropsTheObjectSampledLeastRecently() {
        HealthHistory history = new HealthHistory(5, 2);
        history.record(T0, NODE, Health.green("ok"));
        history.record(T0, TREE, Health.green("ok"));
        history.samples(NODE); // reading does not count as sampling
        history.record(T0.plusSeconds(1), TREE, Health.red("bad"));
        ObjectRef other = new ObjectRef(Kind.INSTANCE, "slappart3");
        history.record(T0.plusSeconds(2), other, Health.grey("Stopped"));
        assertThat(history.objectCount()).isEqualTo(2);
        assertThat(history.current()).containsOnlyKeys(TREE, other);
        assertThat(history.current().get(TREE).level()).isEqualTo(Health.Level.RED);
    }

    @Test
    void refusesSamplesGoingBackInTimeAndSillySizes() {
        HealthHistory history = new HealthHistory(5, 5);
        history.record(T0, NODE, Health.green("ok"));
        assertThatThrownBy(() -> history.record(T0.minusSeconds(1), NODE, Health.green("ok")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("older than the last one");
        assertThatThrownBy(() -> new HealthHistory(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
