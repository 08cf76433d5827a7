package org.slapdesk.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens an SQLite file that only its owner may read. The databases hold connection and instance
 * parameters, which carry passwords, so a new file is created with mode 0600 before SQLite opens
 * it; SQLite gives the {@code -wal} and {@code -shm} files the mode of the database file.
 */
public final class SqliteFile {

    private SqliteFile() {}

    /** Creates the folder and, when missing, the file (owner-only), then connects to it. */
    public static Connection open(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            OwnerOnlyFiles.createIfMissing(absolute);
        } catch (IOException e) {
            throw new SQLException("cannot create " + absolute + ": " + e.getMessage(), e);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + absolute);
    }
}
