package org.slapdesk.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
            createOwnerOnly(absolute);
        } catch (IOException e) {
            throw new SQLException("cannot create " + absolute + ": " + e.getMessage(), e);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + absolute);
    }

    /**
     * Creates {@code file} readable and writable by its owner only, unless it exists (its mode is
     * then left as it is); a file another process creates at the same moment is fine.
     */
    public static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; SQLite opens it as it is
        }
    }
}
