package org.slapdesk.core.master;

import java.net.URI;

/** Transport failures while reading a schema document, said as such rather than as a master call. */
final class SchemaFailures {

    private SchemaFailures() {}

    static MasterException fetching(URI uri, MasterException cause) {
        String where = uri.toString();
        String message = "Cannot read the schema document " + uri + ": " + cause.getMessage();
        if (cause instanceof MasterException.AuthenticationFailed refused) {
            return new MasterException.AuthenticationFailed(where, refused.reason(), message, cause);
        }
        if (cause instanceof MasterException.Unreachable) {
            return new MasterException.Unreachable(where, message, cause);
        }
        return new MasterException.BadResponse(where, message, cause);
    }

    /** An I/O failure in words: its message, or its kind when it has none. */
    static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
