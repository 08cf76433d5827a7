package org.slapdesk.core.monitor;

/** Receives alerts, on the executor given to {@link AlertEngine#subscribe}. */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert);
}
