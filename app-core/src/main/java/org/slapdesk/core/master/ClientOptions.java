package org.slapdesk.core.master;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings: timeouts (60 s each, as the slapos client), the User-agent, how to ask
 * for a key passphrase, and the clock certificates are checked against.
 */
public record ClientOptions(
        Duration connectTimeout,
        Duration responseTimeout,
        String userAgent,
        PassphraseProvider passphrases,
        Clock clock) {

    public static final String DEFAULT_USER_AGENT = "slapdesk/0.1.0 (slapos.core/1.24.0 compatible)";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || responseTimeout.isNegative()
                || responseTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        passphrases = passphrases == null ? PassphraseProvider.none() : passphrases;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static ClientOptions defaults() {
        return new ClientOptions(
                DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT, PassphraseProvider.none(), Clock.systemUTC());
    }

    public ClientOptions withTimeouts(Duration connect, Duration response) {
        return new ClientOptions(connect, response, userAgent, passphrases, clock);
    }

    public ClientOptions withPassphrases(PassphraseProvider provider) {
        return new ClientOptions(connectTimeout, responseTimeout, userAgent, provider, clock);
    }

    public ClientOptions withClock(Clock newClock) {
        return new ClientOptions(connectTimeout, responseTimeout, userAgent, passphrases, newClock);
    }
}
