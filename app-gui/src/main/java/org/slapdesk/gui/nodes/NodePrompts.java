package org.slapdesk.gui.nodes;

import java.nio.file.Path;
import org.slapdesk.remote.ssh.HostKeyPrompt;

/** What the page asks the user while connecting; called on the FX thread (dialogs in the window, answers in tests). */
public interface NodePrompts {

    NodePrompts REFUSE = new NodePrompts() {
        @Override
        public boolean trustHostKey(HostKeyPrompt.UnknownHostKey key) {
            return false;
        }

        @Override
        public char[] passphrase(Path keyFile) {
            return null;
        }
    };

    /** Trust on first use: true adds the key to known_hosts. */
    boolean trustHostKey(HostKeyPrompt.UnknownHostKey key);

    /** The passphrase of an encrypted key, or null to give up; never stored. */
    char[] passphrase(Path keyFile);
}
