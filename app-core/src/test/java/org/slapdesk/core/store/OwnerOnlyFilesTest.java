package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private keys, known hosts and databases: created and replaced readable by their owner only. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCreatedFileIsTheOwnersOnlyAndAnExistingOneIsLeftAsItIs() throws Exception {
        Path created = dir.resolve("known_hosts");
        OwnerOnlyFiles.createIfMissing(created);
        assertThat(Files.getPosixFilePermissions(created)).isEqualTo(SqliteFileTest.OWNER_ONLY);

        Path shared = dir.resolve("shared");
        Files.writeString(shared, "kept");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.createIfMissing(shared);
        assertThat(Files.readString(shared)).isEqualTo("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void writingReplacesAWorldReadableFileWithAnOwnerOnlyOneAndLeavesNothingBeside() throws Exception {
        Path key = dir.resolve("server.key");
        Files.writeString(key, "old key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyFiles.write(key, "new key".getBytes(StandardCharsets.US_ASCII));

        assertThat(Files.readString(key)).isEqualTo("new key");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(SqliteFileTest.OWNER_ONLY);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(key);
        }
    }

    @Test
    void aReaderSeesTheOldOrTheNewContentNeverAMissingOrCutFile() throws Exception {
        Path key = dir.resolve("ca.key");
        String first = "A".repeat(64 * 1024);
        String second = "B".repeat(64 * 1024);
        OwnerOnlyFiles.write(key, first.getBytes(StandardCharsets.US_ASCII));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    String content = Files.readString(key);
                    if (!content.equals(first) && !content.equals(second)) {
                        seen.add("a cut file of " + content.length() + " characters");
                    }
                } catch (NoSuchFileException e) {
                    seen.add("no file");
                } catch (Exception e) {
                    seen.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 200; i++) {
                OwnerOnlyFiles.write(key, (i % 2 == 0 ? second : first).getBytes(StandardCharsets.US_ASCII));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aFileSystemWithoutPosixModesGetsItsDefaults() throws Exception {
        URI zip = URI.create("jar:" + dir.resolve("keys.zip").toUri());
        try (FileSystem noModes = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            assertThat(noModes.supportedFileAttributeViews()).doesNotContain("posix");
            Path created = noModes.getPath("/known_hosts");
            OwnerOnlyFiles.createIfMissing(created);
            assertThat(Files.exists(created)).isTrue();
            Path key = noModes.getPath("/node.key");
            OwnerOnlyFiles.write(key, "key".getBytes(StandardCharsets.US_ASCII));
            assertThat(Files.readString(key)).isEqualTo("key");
            try (Stream<Path> files = Files.list(noModes.getPath("/"))) {
                assertThat(files.map(Path::toString)).containsExactlyInAnyOrder("/known_hosts", "/node.key");
            }
        }
    }
}
