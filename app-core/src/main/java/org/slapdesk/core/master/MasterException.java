package org.slapdesk.core.master;

/**
 * A failure talking to a master, typed so the GUI and the CLI can react (retry on NotReady,
 * re-authenticate on AuthenticationFailed). Every message is a sentence a user understands
 * and names the endpoint.
 */
public abstract sealed class MasterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String endpoint;

    protected MasterException(String endpoint, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
    }

    /** The URL or method that failed. */
    public String endpoint() {
        return endpoint;
    }

    /** 404, or a JSON-RPC "not found": the object does not exist on the master. */
    public static final class NotFound extends MasterException {
        private static final long serialVersionUID = 1L;
        public NotFound(String endpoint, String message) {
            super(endpoint, message, null);
        }
    }

    /** 408 or JSON-RPC status 102: the instance is not allocated yet; try again later. */
    public static final class NotReady extends MasterException {
        private static final long serialVersionUID = 1L;
        public NotReady(String endpoint, String message) {
            super(endpoint, message, null);
        }
    }

    /** 503: the master is busy (e.g. building a node's cache). */
    public static final class Busy extends MasterException {
        private static final long serialVersionUID = 1L;
        public Busy(String endpoint, String message) {
            super(endpoint, message, null);
        }
    }

    /** TLS handshake refused, 401 or 403, or unusable certificate material. */
    public static final class AuthenticationFailed extends MasterException {
        private static final long serialVersionUID = 1L;
        public AuthenticationFailed(String endpoint, String message, Throwable cause) {
            super(endpoint, message, cause);
        }
    }

    /** Connection refused, DNS failure, or a timeout. */
    public static final class Unreachable extends MasterException {
        private static final long serialVersionUID = 1L;
        public Unreachable(String endpoint, String message, Throwable cause) {
            super(endpoint, message, cause);
        }
    }

    /** The master answered, but not with what the protocol says (HTML, truncated, wrong type, 4xx/5xx). */
    public static final class BadResponse extends MasterException {
        private static final long serialVersionUID = 1L;
        public BadResponse(String endpoint, String message, Throwable cause) {
            super(endpoint, message, cause);
        }
    }

    /** The request was refused as invalid before or by the master (bad input). */
    public static final class InvalidRequest extends MasterException {
        private static final long serialVersionUID = 1L;
        public InvalidRequest(String endpoint, String message) {
            super(endpoint, message, null);
        }
    }
}
