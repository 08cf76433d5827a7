package org.slapdesk.remote.ssh;

import org.slapdesk.core.master.CancellationToken;

/** Something went wrong talking to a node; the message says what and, where it can, what to do. */
public class NodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The node's host key is unknown and was not accepted, or differs from known_hosts. */
    public static final class HostKeyRejected extends NodeException {
        private static final long serialVersionUID = 1L;

        public HostKeyRejected(String message) {
            super(message);
        }
    }

    /** A command ran past its timeout and was stopped. */
    public static final class TimedOut extends NodeException {
        private static final long serialVersionUID = 1L;

        public TimedOut(String message) {
            super(message);
        }
    }

    /** A command was cancelled through its {@link CancellationToken} and was stopped. */
    public static final class Cancelled extends NodeException {
        private static final long serialVersionUID = 1L;

        public Cancelled(String message) {
            super(message);
        }
    }
}
