package org.slapdesk.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The history benchmark's time: moved by the benchmark, so 30 days pass in minutes. */
final class SimulatedClock extends Clock {

    private volatile Instant now;

    SimulatedClock(Instant start) {
        now = start;
    }

    void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
