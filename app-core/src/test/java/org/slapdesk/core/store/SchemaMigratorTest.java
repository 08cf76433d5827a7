package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    private static final SchemaStep NOTES = new SchemaStep("notes", "CREATE TABLE note (text TEXT NOT NULL)");
    private static final SchemaStep TAGS =
            new SchemaStep("tags", "CREATE TABLE tag (name TEXT PRIMARY KEY)", "ALTER TABLE note ADD COLUMN tag TEXT");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("test.db");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Test
    void aNewFileGetsEveryStepAndTheLatestVersion() throws Exception {
        try (Connection c = connect()) {
            int reached = new SchemaMigrator("the test database", List.of(NOTES, TAGS)).migrate(c, file());
            assertThat(reached).isEqualTo(2);
            assertThat(SchemaMigrator.version(c)).isEqualTo(2);
            assertThat(tables(c)).contains("note", "tag");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void anOlderFileIsUpgradedInPlaceKeepingItsRows() throws Exception {
        try (Connection c = connect()) {
            new SchemaMigrator("the test database", List.of(NOTES)).migrate(c, file());
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO note (text) VALUES ('kept')");
            }
        }
        try (Connection c = connect()) {
            assertThat(new SchemaMigrator("the test database", List.of(NOTES, TAGS)).migrate(c, file()))
                    .isEqualTo(2);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT text, tag FROM note")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
                assertThat(rs.getString(2)).isNull();
            }
        }
    }

    @Test
    void aFailingStepIsRolledBackWholeAndTheEarlierStepsStay() throws Exception {
        SchemaStep broken = new SchemaStep(
                "broken", "CREATE TABLE tag (name TEXT PRIMARY KEY)", "ALTER TABLE missing ADD COLUMN x TEXT");
        try (Connection c = connect()) {
            SchemaMigrator migrator = new SchemaMigrator("the test database", List.of(NOTES, broken));
            assertThatThrownBy(() -> migrator.migrate(c, file()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("missing");
            assertThat(SchemaMigrator.version(c)).isEqualTo(1);
            assertThat(tables(c)).contains("note").doesNotContain("tag");
            assertThat(c.getAutoCommit()).isTrue();
        }
        try (Connection c = connect()) {
            assertThat(new SchemaMigrator("the test database", List.of(NOTES, TAGS)).migrate(c, file()))
                    .isEqualTo(2);
        }
    }

    @Test
    void aFileFromANewerSlapdeskIsRefusedWithoutBeingTouched() throws Exception {
        try (Connection c = connect()) {
            new SchemaMigrator("the test database", List.of(NOTES, TAGS)).migrate(c, file());
        }
        try (Connection c = connect()) {
            SchemaMigrator older = new SchemaMigrator("the test database", List.of(NOTES));
            assertThatThrownBy(() -> older.migrate(c, file()))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("the test database " + file()
                            + " has schema version 2, made by a newer Slapdesk (this one knows up to 1);"
                            + " update Slapdesk");
            assertThat(SchemaMigrator.version(c)).isEqualTo(2);
            assertThat(tables(c)).contains("note", "tag");
        }
    }

    @Test
    void aStepWithoutStatementsIsRejected() {
        assertThatThrownBy(() -> new SchemaStep("nothing", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing");
    }

    private static List<String> tables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
