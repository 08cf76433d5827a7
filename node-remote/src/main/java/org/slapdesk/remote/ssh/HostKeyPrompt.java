package org.slapdesk.remote.ssh;

/**
 * Asked when a node offers a host key that known_hosts doesn't have yet (trust on first use).
 * The user should compare the fingerprint with the one {@link UnknownHostKey#verifyCommand()}
 * prints on the node (or on a machine that reaches it by a trusted path).
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /** Refuses every unknown key: only keys already in known_hosts are accepted. */
    HostKeyPrompt REFUSE = key -> false;

    /** True to trust the key (it is then appended to known_hosts), false to refuse it. */
    boolean trust(UnknownHostKey key);

    /** An unknown host key: its type ({@code ssh-ed25519}), SHA256 fingerprint and how to check it. */
    record UnknownHostKey(String host, int port, String keyType, String sha256Fingerprint, String verifyCommand) {}
}
