package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's group (tag) and the computer_id of its slapos.cfg, kept with the known node (the last schema step). */
class KnownNodeGroupTest {

    @TempDir
    Path dir;

    @Test
    void theGroupAndTheComputerIdAreKeptAndAnEditKeepsTheComputerIdReadFromTheNode() {
        try (AppStore store = AppStore.open(dir.resolve("slapdesk.db"))) {
            KnownNodeDao nodes = store.knownNodes();
            nodes.save(KnownNodeRecord.of("node1", 22, "root").withTag("paris"));
            assertThat(nodes.find("node1", 22, "root").orElseThrow().tag()).isEqualTo("paris");
            assertThat(nodes.find("node1", 22, "root").orElseThrow().computerId())
                    .isEmpty();

            assertThat(nodes.recordComputerId("node1", 22, "root", Optional.of("COMP-7")))
                    .isTrue();
            assertThat(nodes.recordComputerId("nobody", 22, "root", Optional.of("COMP-8")))
                    .isFalse();
            // a form opened before the id was read saves without it: the id read from the node stays
            nodes.save(KnownNodeRecord.of("node1", 22, "root").withTag("lille"));
            KnownNodeRecord read = nodes.find("node1", 22, "root").orElseThrow();
            assertThat(read.tag()).isEqualTo("lille");
            assertThat(read.computerId()).contains("COMP-7");

            nodes.save(read.withTag(""));
            assertThat(nodes.list().get(0).tag()).isEmpty();
        }
    }

    @Test
    void aDatabaseOfTheStepBeforeUpgradesWithNoGroupAndNoComputerId() throws Exception {
        Path db = dir.resolve("old.db");
        int before = Migrations.STEPS.size() - 1;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (SchemaStep step : Migrations.STEPS.subList(0, before)) {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + before);
            s.execute("INSERT INTO known_node (host, port, user, name) VALUES ('node1', 22, 'root', 'COMP-0 paris')");
        }
        try (AppStore store = AppStore.open(db)) {
            KnownNodeRecord old = store.knownNodes().list().get(0);
            assertThat(old.name()).isEqualTo("COMP-0 paris");
            assertThat(old.tag()).isEmpty();
            assertThat(old.computerId()).isEmpty();
        }
    }

    @Test
    void aGroupIsOneWord() {
        assertThatThrownBy(() -> KnownNodeRecord.of("node1", 22, "root").withTag("paris; rm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. paris");
    }
}
