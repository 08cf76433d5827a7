package org.slapdesk.core.master;

/**
 * A failure talking to a master, typed so the GUI and the CLI can react (retry on NotReady,
 * re-authenticate on AuthenticationFailed). Every message is a sentence a user understands
 * and names the endpoint; {@link #endpoint()} gives the URL or method on its own.
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

    /** 503: the master is busy (e.g. building a node's cache); try again later. */
    public static final class Busy extends MasterException {
        private static final long serialVersionUID = 1L;

        public Busy(String endpoint, String message) {
            super(endpoint, message, null);
        }
    }

    /**
     * The master did not accept who we are, or we did not accept the master: TLS handshake
     * refused, 401 or 403, an untrusted server certificate, or unusable certificate material.
     * {@link #reason()} tells which, so the GUI can point at the right file or setting.
     */
    public static final class AuthenticationFailed extends MasterException {
        private static final long serialVersionUID = 1L;

        /** Why authentication failed. */
        public enum Reason {
            /** 401/403, or the server ended the handshake: it does not accept our certificate. */
            REFUSED,
            /** The server certificate is not signed by a trusted CA, expired, or for another name. */
            SERVER_UNTRUSTED,
            /** Our client certificate is expired or not valid yet. */
            CLIENT_CERTIFICATE_EXPIRED,
            /** The private key does not belong to the client certificate. */
            KEY_MISMATCH,
            /** A certificate, key or CA file is missing, unreadable or not PEM. */
            UNUSABLE_FILE,
            /** The private key is encrypted and no (or a wrong) passphrase was given. */
            KEY_ENCRYPTED
        }

        private final Reason reason;

        public AuthenticationFailed(String endpoint, String message, Throwable cause) {
            this(endpoint, Reason.REFUSED, message, cause);
        }

        public AuthenticationFailed(String endpoint, Reason reason, String message, Throwable cause) {
            super(endpoint, message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
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

    /** This master does not offer the operation (e.g. slapproxy has no access status or tokens). */
    public static final class Unsupported extends MasterException {
        private static final long serialVersionUID = 1L;

        public Unsupported(String endpoint, String message) {
            super(endpoint, message, null);
        }
    }
}
