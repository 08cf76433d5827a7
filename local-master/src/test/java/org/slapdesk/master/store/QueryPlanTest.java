package org.slapdesk.master.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.SchemaStep;

/**
 * The lookups that run on every node read, format and placement use an index, also in a file made
 * before the indexes existed: a full scan costs tens of milliseconds per call at fleet size.
 */
class QueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseFromBeforeTheIndexesGetsThemOnOpenAndTheHotLookupsUseThem() throws Exception {
        Path file = dir.resolve("master.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (SchemaStep step : Migrations.STEPS.subList(0, 2)) {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = 2");
        }
        try (Database database = Database.open(file)) {
            database.transaction(c -> {
                assertUsesAnIndex(c, Store.ADDRESSES, "COMP-1", "slappart0");
                assertUsesAnIndex(c, Store.FIRST_FREE_ON_NODE, "COMP-1");
                assertUsesAnIndex(c, Store.FIRST_FREE_ANYWHERE);
                assertUsesAnIndex(c, Store.TREE, "service", "service");
                assertUsesAnIndex(c, Store.ROOTS);
                // walking a partial index visits the waiting instances only, not the table
                assertThat(plan(c, Store.PENDING)).containsExactly("SCAN instance USING INDEX instance_waiting");
                return null;
            });
        }
    }

    @Test
    void aSearchForChangesWalksTheChangedRowsOnlyNotTheTables() throws Exception {
        try (Database database = Database.open(dir.resolve("changes.sqlite"))) {
            database.transaction(c -> {
                for (String sql : List.of(
                        Store.NODES_SINCE, Store.PARTITIONS_SINCE, Store.INSTALLATIONS_SINCE, Store.ROOTS_SINCE)) {
                    List<String> plan = plan(c, sql, "5", "5");
                    // walked whole: only the counter's one row and the few changed rows gathered
                    assertThat(plan)
                            .as(sql)
                            .allMatch(line ->
                                    !line.startsWith("SCAN") || line.equals("SCAN c") || line.startsWith("SCAN r"));
                }
                return null;
            });
        }
    }

    private static void assertUsesAnIndex(Connection c, String sql, String... args) throws SQLException {
        List<String> plan = plan(c, sql, args);
        assertThat(plan).as(sql).anyMatch(line -> line.contains("USING INDEX") || line.contains("COVERING INDEX"));
        assertThat(plan).as(sql).noneMatch(line -> line.startsWith("SCAN"));
    }

    private static List<String> plan(Connection c, String sql, String... args) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        return plan;
    }
}
