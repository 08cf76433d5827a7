package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The databases hold passwords in parameters: their files are the owner's only. */
class SqliteFileTest {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseAndItsWalAndShmFilesAreReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("folder/new.db");
        try (Connection c = SqliteFile.open(file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE secret (password TEXT)");
            s.execute("INSERT INTO secret VALUES ('hunter2')");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY);
            assertThat(Files.getPosixFilePermissions(Path.of(file + "-wal"))).isEqualTo(OWNER_ONLY);
            assertThat(Files.getPosixFilePermissions(Path.of(file + "-shm"))).isEqualTo(OWNER_ONLY);
        }
    }

    @Test
    void anExistingFileKeepsItsModeAndContent() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = SqliteFile.open(file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (x INTEGER)");
        }
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, chosen);
        try (Connection c = SqliteFile.open(file);
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'kept'")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(chosen);
    }
}
