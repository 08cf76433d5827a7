package org.slapdesk.gui.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.util.ColumnOrder;

/** The chosen sort of the servers list holds when a refresh changes rows in place. */
class ServersSortTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    private final Direct direct = new Direct(NOW);
    private final ServersViewModel model =
            new ServersViewModel(direct.session, direct.tasks, direct.health, direct.activity, direct.clock);

    private ServersSortTest() {
        direct.master.nodes.put(
                "COMP-0", FakeMaster.node("COMP-0", FakeMaster.access(NOW.minusSeconds(30)), 2, 0, List.of()));
        direct.master.nodes.put("COMP-1", FakeMaster.node("COMP-1", Optional.empty(), 2, 0, List.of()));
        direct.master.nodes.put(
                "COMP-2", FakeMaster.node("COMP-2", FakeMaster.access(NOW.minusSeconds(20)), 2, 0, List.of()));
    }

    @Test
    void aRowWhoseHealthChangesMovesToItsPlaceInTheSortedList() {
        direct.connected();
        model.list().refresh();
        model.list()
                .comparatorProperty()
                .set(Comparator.comparing(ServerRow::health, ColumnOrder.SEVERITY)
                        .thenComparing(ServerRow::reference));
        assertThat(model.list().visibleRows())
                .extracting(ServerRow::reference)
                .containsExactly("COMP-1", "COMP-0", "COMP-2");
        ServerRow comp2 = model.list().rows().get(2);

        direct.master.nodes.put(
                "COMP-2",
                FakeMaster.node("COMP-2", FakeMaster.access(NOW.minus(Duration.ofMinutes(10))), 2, 0, List.of()));
        model.list().refresh();

        assertThat(model.list().visibleRows())
                .as("the red server now comes first, the same row updated in place")
                .extracting(ServerRow::reference)
                .containsExactly("COMP-2", "COMP-1", "COMP-0");
        assertThat(model.list().visibleRows().get(0)).isSameAs(comp2);
    }

    @Test
    void theSortHoldsForTheFilteredRows() {
        direct.connected();
        model.list().refresh();
        model.list()
                .comparatorProperty()
                .set(Comparator.comparing(ServerRow::reference, ColumnOrder.NATURAL)
                        .reversed());
        model.list().filterProperty().set("green");
        assertThat(model.list().visibleRows()).extracting(ServerRow::reference).containsExactly("COMP-2", "COMP-0");
    }
}
