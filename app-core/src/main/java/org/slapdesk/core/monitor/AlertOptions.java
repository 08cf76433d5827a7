package org.slapdesk.core.monitor;

/**
 * {@code enabled}: the profile's on/off setting (stored with the profile, see {@code
 * AppStore.alertSettings()}); more than {@code summaryThreshold} objects turning red in one
 * refresh give one summary alert; {@code historySize} alerts are kept.
 */
public record AlertOptions(boolean enabled, int summaryThreshold, int historySize) {

    public AlertOptions {
        if (summaryThreshold < 1 || historySize < 1) {
            throw new IllegalArgumentException("summary threshold and history size must be positive");
        }
    }

    public static AlertOptions defaults() {
        return new AlertOptions(true, 5, 500);
    }

    public AlertOptions withEnabled(boolean value) {
        return new AlertOptions(value, summaryThreshold, historySize);
    }
}
