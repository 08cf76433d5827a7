package org.slapdesk.remote.file;

import java.util.Optional;

/**
 * A file on a node as read: its text (empty Optional if the file does not exist), octal mode
 * and numeric owner / group.
 */
public record FileState(String path, Optional<String> content, String mode, int uid, int gid) {

    public static FileState missing(String path) {
        return new FileState(path, Optional.empty(), "644", 0, 0);
    }

    public boolean exists() {
        return content.isPresent();
    }

    public String text() {
        return content.orElse("");
    }
}
