package org.slapdesk.core.monitor;

import java.time.Clock;

/**
 * Reads one service's monitor over HTTP(S): the OPML of its instances ({@code public/feeds}), then
 * for each instance the promise status files and their history, with basic auth, each response
 * bounded in size and time, XML parsed without DTDs, TLS verified against the system trust.
 * Never throws for a monitor problem: an unreachable monitor, a refused password or a bad
 * document comes back as {@link ServicePromises#problem()}.
 *
 * <p>Blocking; safe to share between threads.
 */
public final class PromiseReader {

    private final Clock clock;

    public PromiseReader(Clock clock) {
        this.clock = clock;
    }

    /** What the monitor at {@code access} says about the promises of service {@code serviceTitle}. */
    public ServicePromises read(String serviceTitle, MonitorAccess access) {
        throw new UnsupportedOperationException("in progress " + clock);
    }
}
