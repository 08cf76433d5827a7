package org.slapdesk.remote.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.file.FileChange;

/** One step of a {@link Plan}: a file edit (shown as a diff) or a command (shown exactly). */
public sealed interface Step {

    String description();

    /** Edits one file atomically, with a backup; undone by putting the old text back. */
    record FileStep(String description, FileChange change) implements Step {}

    /**
     * Runs one shell command (built with {@code Shell}); {@code undo} reverses it if a later
     * step fails (empty: the step changes nothing that needs undoing, e.g. a read or a restart).
     */
    record CommandStep(
            String description, String command, Optional<String> undo, Duration timeout, List<String> secrets)
            implements Step {

        public CommandStep {
            secrets = List.copyOf(secrets);
        }

        public static CommandStep of(String description, String command, String undo) {
            return new CommandStep(description, command, Optional.of(undo), Duration.ofSeconds(120), List.of());
        }

        public static CommandStep withoutUndo(String description, String command) {
            return new CommandStep(description, command, Optional.empty(), Duration.ofSeconds(120), List.of());
        }

        public CommandStep withTimeout(Duration timeout) {
            return new CommandStep(description, command, undo, timeout, secrets);
        }

        /** Marks a value (a token) that previews, logs and messages must never show. */
        public CommandStep withSecret(String secret) {
            List<String> all = new ArrayList<>(secrets);
            all.add(secret);
            return new CommandStep(description, command, undo, timeout, all);
        }

        /** {@code text} with every secret replaced by {@code ********}. */
        public String mask(String text) {
            String masked = text;
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    masked = masked.replace(secret, "********");
                }
            }
            return masked;
        }
    }
}
