package org.slapdesk.remote.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to connect: timeouts, keepalive, the callbacks that ask the user, and the ssh-agent
 * socket whose keys are offered (none: no agent).
 */
public record ConnectOptions(
        Duration connectTimeout,
        Duration keepAliveInterval,
        HostKeyPrompt hostKeyPrompt,
        PassphrasePrompt passphrasePrompt,
        Optional<Path> agentSocket) {

    public ConnectOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(hostKeyPrompt, "hostKeyPrompt");
        Objects.requireNonNull(passphrasePrompt, "passphrasePrompt");
        Objects.requireNonNull(agentSocket, "agentSocket");
    }

    /** With the ssh-agent of the environment ({@code SSH_AUTH_SOCK}), if there is one. */
    public ConnectOptions(
            Duration connectTimeout,
            Duration keepAliveInterval,
            HostKeyPrompt hostKeyPrompt,
            PassphrasePrompt passphrasePrompt) {
        this(connectTimeout, keepAliveInterval, hostKeyPrompt, passphrasePrompt, SshAgent.socketFromEnvironment());
    }

    /**
     * 15 s to connect, a keepalive every 15 s, unknown host keys refused, no passphrases,
     * the agent of {@code SSH_AUTH_SOCK} if set.
     */
    public static ConnectOptions defaults() {
        return new ConnectOptions(
                Duration.ofSeconds(15), Duration.ofSeconds(15), HostKeyPrompt.REFUSE, PassphrasePrompt.NONE);
    }

    public ConnectOptions withHostKeyPrompt(HostKeyPrompt prompt) {
        return new ConnectOptions(connectTimeout, keepAliveInterval, prompt, passphrasePrompt, agentSocket);
    }

    public ConnectOptions withPassphrasePrompt(PassphrasePrompt prompt) {
        return new ConnectOptions(connectTimeout, keepAliveInterval, hostKeyPrompt, prompt, agentSocket);
    }

    public ConnectOptions withConnectTimeout(Duration timeout) {
        return new ConnectOptions(timeout, keepAliveInterval, hostKeyPrompt, passphrasePrompt, agentSocket);
    }

    /** Offers the keys of the ssh-agent listening on {@code socket}. */
    public ConnectOptions withAgentSocket(Path socket) {
        return new ConnectOptions(
                connectTimeout, keepAliveInterval, hostKeyPrompt, passphrasePrompt, Optional.of(socket));
    }

    /** Uses no ssh-agent, even when {@code SSH_AUTH_SOCK} is set. */
    public ConnectOptions withoutAgent() {
        return new ConnectOptions(connectTimeout, keepAliveInterval, hostKeyPrompt, passphrasePrompt, Optional.empty());
    }
}
