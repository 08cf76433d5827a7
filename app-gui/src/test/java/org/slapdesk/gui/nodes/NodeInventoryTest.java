package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.core.store.KnownNodeRecord.LastResult;

/** The in-memory inventory (used when the database cannot be opened) keeps last results like the database. */
class NodeInventoryTest {

    private static final Instant T = Instant.parse("2026-11-23T18:00:00Z");

    @Test
    void lastResultsAreKeptAcrossSavesAndNeverGoBackInTime() {
        NodeInventory nodes = NodeInventory.inMemory();
        KnownNodeRecord paris = KnownNodeRecord.of("node1", 22, "root").withName("COMP-0 paris");
        nodes.save(paris);
        nodes.recordLastResult(paris, new LastResult("connected", T));
        nodes.save(paris.withSlapos("/opt/slapos/bin/slapos", "/srv/slapos.cfg"));
        assertThat(nodes.list()).singleElement().satisfies(n -> {
            assertThat(n.lastResult()).contains(new LastResult("connected", T));
            assertThat(n.slaposCommand()).isEqualTo("/opt/slapos/bin/slapos");
        });
        nodes.recordLastResult(paris, new LastResult("written late", T.minusSeconds(1)));
        nodes.recordLastResult(KnownNodeRecord.of("other", 22, "root"), new LastResult("x", T));
        assertThat(nodes.list()).singleElement().satisfies(n -> assertThat(n.lastResult())
                .contains(new LastResult("connected", T)));
        nodes.recordLastResult(paris, new LastResult("ok: Format the node", T.plusSeconds(5)));
        assertThat(nodes.list().get(0).lastResult()).map(LastResult::text).contains("ok: Format the node");
        assertThat(new NodeRow(nodes.list().get(0)).lastResultAtProperty().get())
                .isEqualTo(T.plusSeconds(5));
        assertThat(Optional.of(nodes.list().get(0).displayName())).contains("COMP-0 paris");
    }
}
