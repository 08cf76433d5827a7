package org.slapdesk.core.master;

import java.nio.file.Path;
import java.util.Optional;

/** Asks for the passphrase of an encrypted private key (the GUI shows a dialog, the CLI a prompt). */
@FunctionalInterface
public interface PassphraseProvider {

    /** The passphrase for {@code keyFile}, or empty when the user gives none. */
    Optional<char[]> passphraseFor(Path keyFile);

    /** For callers that cannot ask: an encrypted key then fails with a clear error. */
    static PassphraseProvider none() {
        return keyFile -> Optional.empty();
    }
}
