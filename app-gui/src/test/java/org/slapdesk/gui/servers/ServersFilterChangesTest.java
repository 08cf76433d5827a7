package org.slapdesk.gui.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;

/** A keystroke that matches the rows already shown leaves the table alone: no change re-fills its cells. */
class ServersFilterChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    private final Direct direct = new Direct(NOW);
    private final ServersViewModel model =
            new ServersViewModel(direct.session, direct.tasks, direct.health, direct.activity, direct.clock);
    private final AtomicInteger changes = new AtomicInteger();

    private ServersFilterChangesTest() {
        for (String reference : List.of("COMP-0", "COMP-1", "COMP-12")) {
            direct.master.nodes.put(
                    reference, FakeMaster.node(reference, FakeMaster.access(NOW.minusSeconds(30)), 1, 0, List.of()));
        }
        direct.connected();
        model.list().refresh();
        model.list().visibleRows().addListener((ListChangeListener<ServerRow>) c -> changes.incrementAndGet());
    }

    @Test
    void keysThatMatchTheSameRowsChangeNothingButSayTheyAreApplied() {
        for (String typed : List.of("c", "co", "com", "comp", "comp-")) {
            model.list().filterProperty().set(typed);
            assertThat(model.list().appliedFilterProperty().get()).isEqualTo(typed);
        }
        assertThat(changes.get()).as("every server matched each key").isZero();
        assertThat(model.list().visibleRows()).hasSize(3);

        model.list().filterProperty().set("comp-1");
        assertThat(changes.get()).isEqualTo(1);
        assertThat(model.list().visibleRows()).extracting(ServerRow::reference).containsExactly("COMP-1", "COMP-12");

        model.list().filterProperty().set("comp-1 ");
        assertThat(changes.get()).as("the same two servers").isEqualTo(1);
        assertThat(model.list().appliedFilterProperty().get()).isEqualTo("comp-1 ");

        model.list().filterProperty().set("comp-12");
        assertThat(model.list().visibleRows()).extracting(ServerRow::reference).containsExactly("COMP-12");
        model.list().filterProperty().set("");
        assertThat(model.list().visibleRows()).hasSize(3);
        assertThat(model.list().appliedFilterProperty().get()).isEmpty();
        assertThat(changes.get()).isEqualTo(3);
    }
}
