package org.slapdesk.master.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.SchemaStep;

/** Opening the master's file: durability settings, owner-only files, schema upgrades in place. */
class DatabaseTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("master.sqlite");
    }

    @Test
    void keepsTheDurabilitySettings() throws Exception {
        try (Database database = Database.open(file())) {
            database.transaction(c -> {
                assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
                assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(c, "busy_timeout")).isEqualTo("10000");
                assertThat(c.getAutoCommit()).isFalse();
                return null;
            });
        }
    }

    @Test
    void aNewDatabaseAndItsWalAndShmFilesAreTheOwnersOnly() throws Exception {
        try (Database database = Database.open(file())) {
            database.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO compute_node (reference, title, created_at) VALUES ('COMP-1', 'one', 1)");
                }
                return null;
            });
            for (String suffix : List.of("", "-wal", "-shm")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(file() + suffix))))
                        .as(suffix)
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aFileWithTheOldVersionTableIsUpgradedInPlace() throws Exception {
        // What Slapdesk wrote at schema version 1: step 1's tables, the version in a table of its own.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            for (String sql : Migrations.STEPS.get(0).statements()) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version(version) VALUES (1)");
            s.execute("INSERT INTO compute_node (reference, title, created_at) VALUES ('COMP-7', 'seven', 7)");
        }
        try (Database database = Database.open(file())) {
            database.transaction(c -> {
                assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Migrations.STEPS.size()));
                assertThat(tableExists(c, "schema_version")).isFalse();
                assertThat(tableExists(c, "access_token")).isTrue();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT title FROM compute_node WHERE reference = 'COMP-7'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("seven");
                }
                return null;
            });
        }
        try (Database again = Database.open(file())) {
            again.transaction(c -> {
                assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Migrations.STEPS.size()));
                return null;
            });
        }
    }

    @Test
    void aVersionTwoFileWithTheOldVersionTableKeepsItsVersionAndRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            for (SchemaStep step : Migrations.STEPS.subList(0, 2)) {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
            }
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version(version) VALUES (2)");
            s.execute(
                    """
                    INSERT INTO access_token (token_hash, kind, created_at, expires_at)
                    VALUES ('abc', 'node', 1, 2)""");
        }
        try (Database database = Database.open(file())) {
            database.transaction(c -> {
                assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Migrations.STEPS.size()));
                assertThat(tableExists(c, "schema_version")).isFalse();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM access_token")) {
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                return null;
            });
        }
    }

    @Test
    void aFileFromANewerSlapdeskIsRefusedUntouched() throws Exception {
        Database.open(file()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 42");
        }
        assertThatThrownBy(() -> Database.open(file()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("schema version 42")
                .hasMessageContaining("newer Slapdesk");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            assertThat(pragma(c, "user_version")).isEqualTo("42");
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'")) {
            return rs.next();
        }
    }
}
