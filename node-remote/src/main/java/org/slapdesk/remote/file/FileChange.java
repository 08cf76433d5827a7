package org.slapdesk.remote.file;

import java.util.Optional;

/**
 * A planned edit of one file: what it was when planned (to detect someone else's change
 * before writing), what it will be, and the unified diff to show. {@code after} empty means
 * delete the file.
 */
public record FileChange(FileState before, Optional<String> after, String mode, int uid, int gid) {

    public String path() {
        return before.path();
    }

    /** True when applying would change nothing. */
    public boolean isNoOp() {
        return before.content().equals(after);
    }

    public String diff() {
        String old = before.exists() ? before.path() : "/dev/null";
        String neu = after.isPresent() ? before.path() : "/dev/null";
        return UnifiedDiff.between(old, neu, before.text(), after.orElse(""));
    }
}
