package org.slapdesk.core.monitor;

/** A monitor document could not be read; the message says why in a user's words. */
final class MonitorReadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    MonitorReadException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    MonitorReadException(String message, Throwable cause) {
        super(message, cause);
        this.notFound = false;
    }

    /** The monitor answered 404: the document does not exist (e.g. no history yet). */
    boolean notFound() {
        return notFound;
    }
}
