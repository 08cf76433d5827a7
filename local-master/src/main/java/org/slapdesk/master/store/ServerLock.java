package org.slapdesk.master.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slapdesk.core.store.OwnerOnlyFiles;

/**
 * Who serves a master database: one process at a time holds an exclusive lock on
 * {@code <database>.lock}, so a second window or {@code slapdesk serve} on the same file cannot start
 * a second master beside the first (and move its port under the nodes set to it). Readers such as
 * {@code slapdesk serve token} open the database without it. The operating system drops the lock
 * when the process dies, so a crash never leaves the file locked.
 */
public final class ServerLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Where the lock of the master on {@code database} is kept. */
    public static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /** Takes the lock, or throws {@link InUse} when another process (or this one) already serves the file. */
    public static ServerLock acquire(Path database) throws IOException {
        Path file = lockFile(database.toAbsolutePath());
        OwnerOnlyFiles.createIfMissing(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new InUse(database);
        }
        return new ServerLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another master already serves this database. */
    public static final class InUse extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path database;

        InUse(Path database) {
            super("the master database " + database
                    + " is already served by another Slapdesk (a window or slapdesk serve); use that master,"
                    + " or close it first");
            this.database = database;
        }

        public Path database() {
            return database;
        }
    }
}
