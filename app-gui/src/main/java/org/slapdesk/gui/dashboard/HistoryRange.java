package org.slapdesk.gui.dashboard;

import java.time.Clock;
import java.time.Duration;
import org.slapdesk.core.health.TimeRange;

/** The spans the history chart offers. */
public enum HistoryRange {
    HOUR("Last hour", Duration.ofHours(1)),
    DAY("Last day", Duration.ofDays(1)),
    WEEK("Last week", Duration.ofDays(7));

    private final String title;
    private final Duration length;

    HistoryRange(String title, Duration length) {
        this.title = title;
        this.length = length;
    }

    public String title() {
        return title;
    }

    public TimeRange until(Clock clock) {
        return TimeRange.last(length, clock);
    }

    @Override
    public String toString() {
        return title;
    }
}
