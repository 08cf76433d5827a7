package org.slapdesk.remote.ssh;

import java.time.Duration;
import java.util.Objects;

/** How to connect: timeouts, keepalive, and the callbacks that ask the user. */
public record ConnectOptions(Duration connectTimeout, Duration keepAliveInterval,
                             HostKeyPrompt hostKeyPrompt, PassphrasePrompt passphrasePrompt) {

    public ConnectOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(hostKeyPrompt, "hostKeyPrompt");
        Objects.requireNonNull(passphrasePrompt, "passphrasePrompt");
    }

    /** 15 s to connect, a keepalive every 15 s, unknown host keys refused, no passphrases. */
    public static ConnectOptions defaults() {
        return new ConnectOptions(Duration.ofSeconds(15), Duration.ofSeconds(15), HostKeyPrompt.REFUSE, PassphrasePrompt.NONE);
    }

    public ConnectOptions withHostKeyPrompt(HostKeyPrompt prompt) {
        return new ConnectOptions(connectTimeout, keepAliveInterval, prompt, passphrasePrompt);
    }

    public ConnectOptions withPassphrasePrompt(PassphrasePrompt prompt) {
        return new ConnectOptions(connectTimeout, keepAliveInterval, hostKeyPrompt, prompt);
    }
}
