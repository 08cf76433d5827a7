package org.slapdesk.remote.ssh;

import java.nio.file.Path;

/** Asked for the passphrase of an encrypted private key. */
@FunctionalInterface
public interface PassphrasePrompt {

    /** No passphrase available: an encrypted key then fails with a clear message. */
    PassphrasePrompt NONE = keyFile -> null;

    /** The passphrase of {@code keyFile}, or null if the user cancelled. */
    char[] passphrase(Path keyFile);
}
