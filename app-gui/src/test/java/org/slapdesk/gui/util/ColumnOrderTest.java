package org.slapdesk.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.Health;

class ColumnOrderTest {

    @Test
    void healthSortsBySeverityWithUnknownAsGrey() {
        List<Health> values = new ArrayList<>(
                List.of(Health.green("ok"), Health.grey("stopped"), Health.red("down"), Health.yellow("late")));
        values.add(null);
        values.sort(ColumnOrder.SEVERITY);
        assertThat(values)
                .extracting(h -> h == null ? "unknown" : h.level().name())
                .containsExactly("RED", "YELLOW", "GREY", "unknown", "GREEN");
    }

    @Test
    void textsSortTheirNumbersAsNumbersIgnoringCase() {
        List<String> values = new ArrayList<>(List.of("slappart10", "SLAPPART2", "slappart1", "COMP-100", "comp-9"));
        values.sort(ColumnOrder.NATURAL);
        assertThat(values).containsExactly("comp-9", "COMP-100", "slappart1", "SLAPPART2", "slappart10");
    }

    @Test
    void cellValuesSortAsTimesNumbersAndHealthNotAsTheirTexts() {
        Instant early = Instant.parse("2026-01-02T09:00:00Z");
        Instant late = Instant.parse("2026-01-10T08:00:00Z");
        assertThat(ColumnOrder.VALUES.compare(early, late)).isNegative();
        assertThat(ColumnOrder.VALUES.compare(9, 10)).isNegative();
        assertThat(ColumnOrder.VALUES.compare(Health.red("x"), Health.green("a")))
                .isNegative();
        assertThat(ColumnOrder.VALUES.compare(null, "a")).isNegative();
    }
}
