package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.KnownNodeRecord.LastResult;

/** The per-node name, slapos command, slapos.cfg path and last result (schema step 2). */
class KnownNodeMigrationTest {

    private static final Instant AT = Instant.parse("2026-11-23T18:40:12.345Z");

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("slapdesk.db");
    }

    @Test
    void aVersionOneDatabaseUpgradesInPlaceAndKeepsItsNodes() throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement()) {
            for (String sql : Migrations.STEPS.get(0).statements()) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
            s.execute(
                    """
                    INSERT INTO known_node (host, port, user, key_path, jump_host, host_key_fingerprint)
                    VALUES ('node1.example.org', 2222, 'root', '/k/id_ed25519', 'bastion', 'SHA256:abc')""");
            s.execute("INSERT INTO known_node (host, port, user) VALUES ('fd00::2', 22, 'slapos')");
        }
        try (AppStore store = AppStore.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            KnownNodeRecord old =
                    store.knownNodes().find("node1.example.org", 2222, "root").orElseThrow();
            assertThat(old)
                    .isEqualTo(new KnownNodeRecord(
                            "node1.example.org",
                            2222,
                            "root",
                            Optional.of(Path.of("/k/id_ed25519")),
                            Optional.of("bastion"),
                            Optional.of("SHA256:abc")));
            assertThat(old.name()).isEmpty();
            assertThat(old.displayName()).isEqualTo("root@node1.example.org:2222");
            assertThat(old.slaposCommand()).isEqualTo("slapos");
            assertThat(old.slaposConfig()).isEqualTo("/etc/opt/slapos/slapos.cfg");
            assertThat(old.lastResult()).isEmpty();
            assertThat(store.knownNodes().list()).hasSize(2);
            assertThat(store.knownNodes().recordLastResult("fd00::2", 22, "slapos", new LastResult("connected", AT)))
                    .isTrue();
        }
        try (AppStore again = AppStore.open(db())) {
            assertThat(again.knownNodes()
                            .find("fd00::2", 22, "slapos")
                            .orElseThrow()
                            .lastResult())
                    .contains(new LastResult("connected", AT));
        }
    }

    @Test
    void everyFieldRoundTrips() {
        KnownNodeRecord full = new KnownNodeRecord(
                "2001:db8::7",
                2222,
                "slapos",
                Optional.of(Path.of("/k/id_ed25519")),
                Optional.of("admin@bastion:2200"),
                Optional.of("SHA256:xyz"),
                "COMP-0 paris",
                "/opt/slapos/bin/slapos",
                "/srv/slapos/slapos.cfg",
                Optional.of(new LastResult("ok: Format the node", AT)));
        try (AppStore store = AppStore.open(db())) {
            store.knownNodes().save(full);
        }
        try (AppStore again = AppStore.open(db())) {
            assertThat(again.knownNodes().list()).containsExactly(full);
            assertThat(again.knownNodes()
                            .find("2001:db8::7", 2222, "slapos")
                            .orElseThrow()
                            .displayName())
                    .isEqualTo("COMP-0 paris");
        }
    }

    @Test
    void savingAgainChangesTheSettingsButKeepsTheRecordedLastResult() {
        try (AppStore store = AppStore.open(db())) {
            KnownNodeDao nodes = store.knownNodes();
            KnownNodeRecord read = KnownNodeRecord.of("node1", 22, "root");
            nodes.save(read);
            assertThat(nodes.recordLastResult("node1", 22, "root", new LastResult("FAILED: Format the node", AT)))
                    .isTrue();
            assertThat(nodes.recordLastResult("nosuch", 22, "root", new LastResult("x", AT)))
                    .isFalse();
            assertThat(nodes.recordLastResult(
                            "node1", 22, "root", new LastResult("older, written late", AT.minusSeconds(1))))
                    .isFalse();
            nodes.save(read.withName("COMP-1 lille").withSlapos("/opt/venv/bin/slapos", "/opt/slapos.cfg"));
            KnownNodeRecord now = nodes.find("node1", 22, "root").orElseThrow();
            assertThat(now.name()).isEqualTo("COMP-1 lille");
            assertThat(now.slaposCommand()).isEqualTo("/opt/venv/bin/slapos");
            assertThat(now.slaposConfig()).isEqualTo("/opt/slapos.cfg");
            assertThat(now.lastResult()).contains(new LastResult("FAILED: Format the node", AT));
            nodes.save(now.withName(""));
            assertThat(nodes.find("node1", 22, "root").orElseThrow().name()).isEmpty();
        }
    }

    @Test
    void theRecordRefusesWhatCanNeverBeRight() {
        KnownNodeRecord n = KnownNodeRecord.of("node1", 22, "root");
        assertThatThrownBy(() -> n.withSlapos("slapos node", "/etc/opt/slapos/slapos.cfg"))
                .hasMessageContaining("slapos command of node1")
                .hasMessageContaining("without spaces");
        assertThatThrownBy(() -> n.withSlapos("", "/etc/opt/slapos/slapos.cfg")).hasMessageContaining("slapos command");
        assertThatThrownBy(() -> n.withSlapos("slapos", "slapos.cfg"))
                .hasMessageContaining("slapos.cfg path of node1 must be absolute");
        assertThatThrownBy(() -> n.withName("a\nb")).hasMessageContaining("name of node1");
        assertThat(n.withName("  COMP-0  ").name()).isEqualTo("COMP-0");
    }
}
