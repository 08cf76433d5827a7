package org.slapdesk.remote.file;

import java.util.Optional;

/**
 * A file on a node as read: its text (empty Optional if the file does not exist), octal mode
 * and numeric owner / group. For a missing file, {@code missingFolder} is the highest of its
 * folders that did not exist either (empty: its folder exists), so undoing its creation can
 * remove exactly the folders the write made.
 */
public record FileState(
        String path, Optional<String> content, String mode, int uid, int gid, Optional<String> missingFolder) {

    public FileState(String path, Optional<String> content, String mode, int uid, int gid) {
        this(path, content, mode, uid, gid, Optional.empty());
    }

    public static FileState missing(String path) {
        return new FileState(path, Optional.empty(), "644", 0, 0, Optional.empty());
    }

    public static FileState missing(String path, Optional<String> missingFolder) {
        return new FileState(path, Optional.empty(), "644", 0, 0, missingFolder);
    }

    public boolean exists() {
        return content.isPresent();
    }

    public String text() {
        return content.orElse("");
    }
}
